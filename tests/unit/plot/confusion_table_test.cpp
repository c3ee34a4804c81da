// The confusion table a picture shows: labels ordered by their lines, the diagonal right, and
// with more labels than asked, the most frequent kept and the rest in "(other)".
#include "embedtool/plot/confusion_table.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace embedtool;

namespace confusion_table_test {

using Gold = std::vector<std::string_view>;
using Row = std::vector<std::uint64_t>;

LabelSet labels_abc() {
  LabelSet labels;
  labels.add("a", 9);
  labels.add("b", 5);
  labels.add("c", 2);
  return labels;
}

// "l3" (built by append: g++ 12 warns falsely about "l" + std::to_string(i)).
std::string numbered(std::size_t i) {
  std::string name("l");
  name.append(std::to_string(i));
  return name;
}

void add(TestMetrics& metrics, std::string_view gold, std::optional<std::size_t> best,
         int times = 1) {
  for (int i = 0; i < times; ++i) {
    std::vector<LabelScore> predicted;
    if (best) predicted.push_back({*best, 0.9f});
    metrics.add_example(Gold{gold}, predicted, best);
  }
}

}  // namespace confusion_table_test

using namespace confusion_table_test;

TEST_CASE("rows and columns in the same order, by lines, right answers on the diagonal") {
  TestMetrics metrics(labels_abc());
  add(metrics, "c", 2, 5);  // c has the most lines (6), then b (4), then a (3)
  add(metrics, "c", 0, 1);
  add(metrics, "a", 0, 3);
  add(metrics, "b", 2, 2);
  add(metrics, "b", 1, 2);
  metrics.add_example(Gold{"a", "b"}, std::vector<LabelScore>{{0, 0.5f}}, 0);  // not single-label
  const ConfusionTable table = confusion_table(metrics, 20);
  CHECK(table.rows == std::vector<std::string>{"c", "b", "a"});
  CHECK(table.columns == table.rows);
  CHECK(table.counts == std::vector<Row>{{5, 0, 1}, {2, 2, 0}, {0, 0, 3}});
  CHECK(table.lines == 13);
  CHECK(table.lines_shown == 13);
  CHECK(table.correct == 10);
  CHECK(table.largest == 5);
  CHECK(table.labels == 3);
}

TEST_CASE("lines without a prediction, and a label only the test has") {
  TestMetrics metrics(labels_abc());
  add(metrics, "a", 0, 2);
  add(metrics, "a", std::nullopt, 1);
  add(metrics, "z", 1, 1);  // the model never saw z: its row, and a column of zeros (rows and
                            // columns list the same labels)
  const ConfusionTable table = confusion_table(metrics, 20);
  // a (3 lines), z (1), then b and c (no lines: the model can still predict them).
  CHECK(table.rows == std::vector<std::string>{"a", "z", "b", "c"});
  CHECK(table.columns == std::vector<std::string>{"a", "z", "b", "c", kNoneColumn});
  CHECK(table.counts[0] == Row{2, 0, 0, 0, 1});
  CHECK(table.counts[1] == Row{0, 0, 1, 0, 0});
  CHECK(table.correct == 2);
}

TEST_CASE("the most frequent K labels, and the others' predictions in (other)") {
  LabelSet labels;
  for (std::size_t i = 0; i < 6; ++i) labels.add(numbered(i), 10 - i);
  TestMetrics metrics(labels);
  // l5 has the most lines; l0 and l1 the fewest.
  for (std::size_t label = 0; label < 6; ++label)
    add(metrics, numbered(label), label, static_cast<int>(label) + 1);
  add(metrics, "l5", 0, 4);  // predicted as l0, which is left out: (other)
  const ConfusionTable table = confusion_table(metrics, 3);
  CHECK(table.rows == std::vector<std::string>{"l5", "l4", "l3"});
  CHECK(table.columns == std::vector<std::string>{"l5", "l4", "l3", kOtherColumn});
  CHECK(table.counts[0] == Row{6, 0, 0, 4});
  CHECK(table.labels == 6);
  CHECK(table.lines == 25);
  CHECK(table.lines_shown == 19);
  CHECK(table.correct == 21);
}
