// fastText's test metrics on an example small enough to count on paper, with the cases
// fastText leaves out: a test label the model never saw, a repeated label, a line with nothing
// to predict from.
#include "embedtool/classify/test_metrics.h"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <vector>

#include "embedtool/classify/test_report.h"

using namespace embedtool;

namespace {

LabelSet model_labels() {
  LabelSet labels;
  labels.add("a", 5);
  labels.add("b", 3);
  return labels;
}

using Gold = std::vector<std::string_view>;
using Predicted = std::vector<LabelScore>;

// The model knows a (0) and b (1); the test also has c. With k = 1:
//   1. gold a,    predicted a      correct
//   2. gold b,    predicted a      wrong
//   3. gold a b,  predicted a      1 correct of 1 predicted, 2 gold
//   4. gold c,    predicted b      wrong (c cannot be predicted)
//   5. gold a a,  nothing          a line without a known word: a missed, once
//   and a line without labels.
// N = 5; predicted 4, correct 2, gold 6: P@1 = 0.5, R@1 = 1/3; best label right in 1 and 3:
// accuracy 0.4.
// a: gold 3 (1, 3, 5), predicted 3 (1, 2, 3), correct 2: P = R = F1 = 2/3.
// b: gold 2 (2, 3), predicted 1 (4), correct 0: all 0.
// c: gold 1, never predicted: precision undefined, recall 0, F1 0.
TestMetrics worked_example() {
  TestMetrics metrics(model_labels());
  metrics.add_example(Gold{"a"}, Predicted{{0, 0.9f}}, 0);
  metrics.add_example(Gold{"b"}, Predicted{{0, 0.6f}}, 0);
  metrics.add_example(Gold{"a", "b"}, Predicted{{0, 0.5f}}, 0);
  metrics.add_example(Gold{"c"}, Predicted{{1, 0.7f}}, 1);
  metrics.add_example(Gold{"a", "a"}, Predicted{}, std::nullopt);
  metrics.add_unlabelled_line();
  return metrics;
}

}  // namespace

TEST_CASE("P@k, R@k and accuracy over all examples") {
  const TestMetrics m = worked_example();
  CHECK(m.examples() == 5);
  CHECK(m.unlabelled_lines() == 1);
  CHECK(m.examples_without_prediction() == 1);
  CHECK(m.total().predicted == 4);
  CHECK(m.total().correct == 2);
  CHECK(m.total().gold == 6);
  CHECK(m.total().precision() == doctest::Approx(0.5));
  CHECK(m.total().recall() == doctest::Approx(1.0 / 3));
  CHECK(m.accuracy() == doctest::Approx(0.4));
}

TEST_CASE("per label; a label the model never saw is added after the model's and never predicted") {
  const TestMetrics m = worked_example();
  REQUIRE(m.label_count() == 3);
  CHECK(m.model_label_count() == 2);
  CHECK(m.label_name(2) == "c");
  CHECK_FALSE(m.seen_in_training(2));
  const LabelCounts& a = m.label_counts(0);
  CHECK(a.gold == 3);
  CHECK(a.predicted == 3);
  CHECK(a.correct == 2);
  CHECK(a.f1() == doctest::Approx(2.0 / 3));
  CHECK(m.label_counts(1).precision() == 0);
  CHECK(m.label_counts(1).recall() == 0);
  const LabelCounts& c = m.label_counts(2);
  CHECK(c.gold == 1);
  CHECK(std::isnan(c.precision()));
  CHECK(c.recall() == 0);
  CHECK(c.f1() == 0);
  CHECK(std::isnan(LabelCounts{}.f1()));
}

TEST_CASE("the confusion matrix counts the single-label examples by gold and best label") {
  const TestMetrics m = worked_example();
  using Cell = TestMetrics::ConfusionCell;
  const std::map<Cell, std::uint64_t> expected = {
      {{0, 0}, 1}, {{0, std::nullopt}, 1}, {{1, 0}, 1}, {{2, 1}, 1}};
  CHECK(m.confusion() == expected);
  CHECK(m.examples_with_several_labels() == 1);
}

TEST_CASE("no example: every figure undefined") {
  TestMetrics m(model_labels());
  CHECK(std::isnan(m.total().precision()));
  CHECK(std::isnan(m.accuracy()));
}

TEST_CASE("the text report: fastText's layout, then accuracy and the confusion matrix") {
  const TestMetrics m = worked_example();
  CHECK(test_report_text(m, {{1, 0}, false, false}) ==
        "N\t5\n"
        "P@1\t0.5\n"
        "R@1\t0.333\n"
        "accuracy\t0.4\n");
  CHECK(test_report_text(m, {{1, 0}, true, true}) ==
        "F1-Score : 0.666667  Precision : 0.666667  Recall : 0.666667   a\n"
        "F1-Score : 0.000000  Precision : 0.000000  Recall : 0.000000   b\n"
        "F1-Score : 0.000000  Precision : --------  Recall : 0.000000   c\n"
        "N\t5\n"
        "P@1\t0.5\n"
        "R@1\t0.333\n"
        "accuracy\t0.4\n"
        "\n"
        "gold\\predicted\ta\tb\t(none)\n"
        "a\t1\t0\t1\n"
        "b\t1\t0\t0\n"
        "c\t0\t1\t0\n");
  SUBCASE("k = -1 is named as fastText names it, and 1.0 prints as 1") {
    TestMetrics perfect(model_labels());
    perfect.add_example(Gold{"a"}, Predicted{{0, 0.9f}}, 0);
    CHECK(test_report_text(perfect, {{kAllLabels, 0}, false, false}) ==
          "N\t1\nP@-1\t1\nR@-1\t1\naccuracy\t1\n");
  }
}

TEST_CASE("the JSON report") {
  const nlohmann::json j = test_report_json(worked_example(), {{1, 0.25}, true, true});
  CHECK(j["examples"] == 5);
  CHECK(j["k"] == 1);
  CHECK(j["threshold"] == 0.25);
  CHECK(j["precision"] == 0.5);
  CHECK(j["accuracy"].get<double>() == doctest::Approx(0.4));
  CHECK(j["unlabelled_lines"] == 1);
  CHECK(j["examples_without_prediction"] == 1);
  CHECK(j["unseen_labels"] == nlohmann::json::parse(R"([{"label":"c","count":1}])"));
  CHECK(j["labels"][2]["precision"].is_null());
  CHECK(j["labels"][2]["seen"] == false);
  CHECK(j["labels"][0]["gold"] == 3);
  CHECK(j["confusion"] == nlohmann::json::parse(R"({"gold":["a","b","c"],
      "predicted":["a","b",null], "counts":[[1,0,1],[1,0,0],[0,1,0]]})"));
  CHECK_FALSE(test_report_json(worked_example(), {}).contains("labels"));
}

TEST_CASE("the notes name what the numbers hide") {
  const auto notes = test_report_notes(worked_example(), "test.txt", true);
  REQUIRE(notes.size() == 4);
  CHECK(notes[0] == "test.txt: 1 line without a label skipped");
  CHECK(notes[1].starts_with("test.txt: 1 line without any word the model knows"));
  CHECK(notes[2] == "test.txt: the label c (1 line) is not one the model was trained on: it "
                    "cannot be predicted and counts as missed");
  CHECK(notes[3] == "test.txt: 1 line with several labels left out of the confusion matrix");
}

TEST_CASE("many unseen labels make one note that names the first five and counts them all") {
  TestMetrics metrics = worked_example();  // "c", unseen, on one line
  for (const char* label : {"d", "e", "f", "g", "h"}) {
    metrics.add_example(Gold{label}, Predicted{{0, 0.9f}}, 0);
    metrics.add_example(Gold{label}, Predicted{{0, 0.9f}}, 0);
  }
  const auto notes = test_report_notes(metrics, "test.txt", false);
  REQUIRE(notes.size() == 3);
  CHECK(notes[2] == "test.txt: 6 labels on 11 lines are not ones the model was trained on: they "
                    "cannot be predicted and count as missed (c (1 line), d (2 lines), e (2 "
                    "lines), f (2 lines), g (2 lines), ...; --per-label lists them all)");
}

