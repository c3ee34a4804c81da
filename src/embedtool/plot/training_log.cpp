#include "embedtool/plot/training_log.h"

#include <limits>

#include <nlohmann/json.hpp>

#include "embedtool/errors.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/location_message.h"

namespace embedtool {

namespace {

using nlohmann::json;

constexpr const char* kWhatLogsAre = "a log from `embedtool train --log-json FILE`";

// One record's fields, read with the line's place ready for any complaint.
class RecordFields {
 public:
  RecordFields(const json& record, std::string place) : record_(record), place_(std::move(place)) {}

  double number(const char* key) const {
    const json& value = field(key);
    if (!value.is_number()) wrong_type(key, "a number");
    return value.get<double>();
  }
  // A number, or null where the loss was not a number (NaN: the weights diverged).
  std::optional<double> number_or_null(const char* key) const {
    if (field(key).is_null()) return std::nullopt;
    return number(key);
  }
  std::uint64_t count(const char* key) const {
    const json& value = field(key);
    if (!value.is_number_unsigned()) wrong_type(key, "a whole number, 0 or more");
    return value.get<std::uint64_t>();
  }
  int small_count(const char* key) const {
    const std::uint64_t value = count(key);
    if (value > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
      wrong_type(key, "a whole number below 2^31");
    return static_cast<int>(value);
  }
  bool has(const char* key) const { return record_.contains(key); }

 private:
  const json& field(const char* key) const {
    const auto found = record_.find(key);
    if (found == record_.end())
      throw Error("a \"" + record_["type"].get<std::string>() + "\" record without \"" + key +
                  "\"" + place_);
    return *found;
  }
  [[noreturn]] void wrong_type(const char* key, const char* expected) const {
    throw Error("\"" + std::string(key) + "\" must be " + expected + ", not " +
                field(key).dump() + place_);
  }

  const json& record_;
  std::string place_;
};

void add_record(const json& record, const std::string& place, TrainingLog& log) {
  const std::string& type = record["type"].get_ref<const std::string&>();
  const RecordFields fields(record, place);
  if (type == "progress") {
    log.progress.push_back({fields.count("words"), fields.count("words_total"),
                            fields.small_count("epoch"), fields.number_or_null("loss"),
                            fields.number("lr"), fields.number("elapsed")});
  } else if (type == "epoch") {
    EpochRecord epoch{fields.small_count("epoch"), fields.number_or_null("loss"), std::nullopt};
    if (fields.has("validation_accuracy"))
      epoch.validation_accuracy = fields.number_or_null("validation_accuracy");
    log.epochs.push_back(epoch);
  } else if (type == "run") {
    RunRecord run;
    run.epochs = fields.small_count("epochs");
    if (fields.has("words")) run.words = fields.count("words");
    if (fields.has("loss")) run.loss = fields.number_or_null("loss");
    if (fields.has("seconds")) run.seconds = fields.number("seconds");
    if (fields.has("kept_epoch")) run.kept_epoch = fields.small_count("kept_epoch");
    if (fields.has("validation_accuracy"))
      run.validation_accuracy = fields.number_or_null("validation_accuracy");
    log.run = run;
  }
}

}  // namespace

TrainingLog read_training_log(std::istream& input, const std::string& source) {
  TrainingLog log;
  LineReader lines(input, source);
  std::string line;
  std::uint64_t records = 0;
  // A line that is not a record is only forgiven when it is the last one: the run may be
  // writing it as we read.
  std::optional<std::uint64_t> unreadable_line;
  while (lines.next(line)) {
    const std::string place = location_message(source, lines.line_number());
    if (unreadable_line) break;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object() || !record.contains("type") || !record["type"].is_string()) {
      if (records == 0 || record.is_discarded() == false)
        throw Error(std::string("not ") + kWhatLogsAre + ": this line is not a JSON object with a "
                    "\"type\"" + place);
      unreadable_line = lines.line_number();
      continue;
    }
    add_record(record, place, log);
    ++records;
  }
  if (unreadable_line) {
    const std::string place = location_message(source, *unreadable_line);
    if (lines.line_number() > *unreadable_line)  // a line came after it: not a cut-off last line
      throw Error(std::string("not ") + kWhatLogsAre + ": this line is not a JSON object with a "
                  "\"type\"" + place);
    log.notes.push_back("left out the last line, which is not a whole record (a run may still "
                        "be writing it)" + place);
  }
  if (records == 0) throw Error(source + " is empty: nothing to draw (expected " + kWhatLogsAre + ")");
  if (log.progress.empty())
    throw Error(source + " has no \"progress\" record: nothing to draw (" + kWhatLogsAre +
                " has one every half second or so of training)");
  return log;
}

}  // namespace embedtool
