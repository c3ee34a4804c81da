// Reading `train --log-json` back: the records as train writes them, a run cut short, and files
// that are not such a log, each refused with one line naming the place.
#include "embedtool/plot/training_log.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "error_message.h"

using namespace embedtool;
using unit_test::error_of;

namespace training_log_test {

// As cli/progress_line.cpp writes them (keys sorted, as nlohmann dumps them).
const std::string kProgress1 =
    R"({"elapsed":0.51,"epoch":2,"loss":1.19,"lr":0.007,"type":"progress","words":638748,"words_total":886920})";
const std::string kProgress2 =
    R"({"elapsed":0.70,"epoch":2,"loss":null,"lr":2.5e-06,"type":"progress","words":886920,"words_total":886920})";
const std::string kEpoch1 = R"({"epoch":1,"loss":1.93,"type":"epoch"})";
const std::string kEpoch2 = R"({"epoch":2,"loss":0.96,"type":"epoch","validation_accuracy":0.8})";
const std::string kRun =
    R"({"epochs":2,"kept_epoch":2,"loss":0.96,"seconds":0.74,"type":"run","validation_accuracy":0.8,"words":886920,"words_per_second":1195641.4})";

TrainingLog read(const std::string& text) {
  std::istringstream input(text);
  return read_training_log(input, "run.jsonl");
}

std::string lines(std::initializer_list<std::string> records) {
  std::string text;
  for (const std::string& record : records) text += record + "\n";
  return text;
}

}  // namespace training_log_test

using namespace training_log_test;

TEST_CASE("a whole log: progress, epochs, run") {
  const TrainingLog log = read(lines({kProgress1, kProgress2, kEpoch1, kEpoch2, kRun}));
  REQUIRE(log.progress.size() == 2);
  CHECK(log.progress[0].words == 638748);
  CHECK(log.progress[0].words_total == 886920);
  CHECK(log.progress[0].epoch == 2);
  CHECK(*log.progress[0].loss == doctest::Approx(1.19));
  CHECK(log.progress[0].learning_rate == doctest::Approx(0.007));
  CHECK(log.progress[0].elapsed_seconds == doctest::Approx(0.51));
  CHECK_FALSE(log.progress[1].loss.has_value());  // null: the loss was not a number
  REQUIRE(log.epochs.size() == 2);
  CHECK(*log.epochs[0].loss == doctest::Approx(1.93));
  CHECK_FALSE(log.epochs[0].validation_accuracy.has_value());
  CHECK(*log.epochs[1].validation_accuracy == doctest::Approx(0.8));
  REQUIRE(log.run);
  CHECK(log.run->epochs == 2);
  CHECK(log.run->words == 886920);
  CHECK(*log.run->kept_epoch == 2);
  CHECK(log.notes.empty());
}

TEST_CASE("a run stopped or still going: no run record, a cut last line left out with a note") {
  CHECK_FALSE(read(lines({kProgress1})).run.has_value());
  const TrainingLog cut = read(lines({kProgress1}) + kProgress2.substr(0, 30));
  CHECK(cut.progress.size() == 1);
  REQUIRE(cut.notes.size() == 1);
  CHECK(cut.notes[0] == "left out the last line, which is not a whole record (a run may still be "
                       "writing it) (run.jsonl: line 2)");
}

TEST_CASE("blank lines, records of other types and fields this reader does not know are skipped") {
  const TrainingLog log = read(lines(
      {"", R"({"type":"checkpoint","words":5})", kProgress1.substr(0, kProgress1.size() - 1) +
                                                     R"(,"new_field":[1,2]})",
       "  "}));
  CHECK(log.progress.size() == 1);
}

TEST_CASE("files that are not a training log") {
  const std::string not_a_log = "not a log from `embedtool train --log-json FILE`: this line is "
                                "not a JSON object with a \"type\"";
  CHECK(error_of([] { read("the cat sat\n"); }) == not_a_log + " (run.jsonl: line 1)");
  CHECK(error_of([] { read("\x89" "EMB\x05\x00\x00\x00"); }) == not_a_log + " (run.jsonl: line 1)");
  CHECK(error_of([] { read("[1, 2]\n"); }) == not_a_log + " (run.jsonl: line 1)");
  CHECK(error_of([] { read(R"({"words": 5})" "\n"); }) == not_a_log + " (run.jsonl: line 1)");
  // A broken line with a record after it is not a line being written.
  CHECK(error_of([] { read(lines({kProgress1, "{\"type\":", kProgress2})); }) ==
        not_a_log + " (run.jsonl: line 2)");
  // Valid JSON that is not an object is refused even last.
  CHECK(error_of([] { read(lines({kProgress1, "42"})); }) == not_a_log + " (run.jsonl: line 2)");
}

TEST_CASE("a log with nothing to draw") {
  CHECK(error_of([] { read(""); }) ==
        "run.jsonl is empty: nothing to draw (expected a log from `embedtool train --log-json "
        "FILE`)");
  CHECK(error_of([] { read("\n\n"); }).find("run.jsonl is empty") == 0);
  CHECK(error_of([] { read(lines({kEpoch1, kRun})); }) ==
        "run.jsonl has no \"progress\" record: nothing to draw (a log from `embedtool train "
        "--log-json FILE` has one every half second or so of training)");
}

TEST_CASE("a record with a missing or mistyped field names it and the line") {
  CHECK(error_of([] { read(lines({kProgress1, R"({"type":"progress","words":5})"})); }) ==
        "a \"progress\" record without \"words_total\" (run.jsonl: line 2)");
  CHECK(error_of([] {
          read(lines({R"({"type":"progress","words":"many","words_total":1,"epoch":1,"loss":1,"lr":0.1,"elapsed":1})"}));
        }) == "\"words\" must be a whole number, 0 or more, not \"many\" (run.jsonl: line 1)");
  CHECK(error_of([] {
          read(lines({R"({"type":"progress","words":-4,"words_total":1,"epoch":1,"loss":1,"lr":0.1,"elapsed":1})"}));
        }) == "\"words\" must be a whole number, 0 or more, not -4 (run.jsonl: line 1)");
  CHECK(error_of([] { read(lines({kProgress1, R"({"type":"run","epochs":1e99})"})); }) ==
        "\"epochs\" must be a whole number, 0 or more, not 1e+99 (run.jsonl: line 2)");
  CHECK(error_of([] { read(lines({kProgress1, R"({"type":"epoch","epoch":1,"loss":"low"})"})); }) ==
        "\"loss\" must be a number, not \"low\" (run.jsonl: line 2)");
}
