#pragma once
// The confusion matrix a picture shows, taken from `embedtool test`'s counts (TestMetrics): a row
// per true label, a column per predicted best label, of the lines that have exactly one label.
// Rows and columns list the same labels in the same order, so that right answers lie on the
// diagonal: the labels ordered by how many test lines have them (then as the model orders them,
// by training count), the labels the model knows and those only the test brings.
//
// With more labels than fit (`most`), only the `most` most frequent are kept: their rows, and
// their columns plus an "(other)" column for the predictions of the labels left out, so that
// every row still adds up to its lines. A "(none)" column counts the lines that had no
// prediction (no word the model knows), when there are any.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "embedtool/classify/test_metrics.h"

namespace embedtool {

struct ConfusionTable {
  std::vector<std::string> rows;     // true labels
  std::vector<std::string> columns;  // predicted labels, then "(other)", "(none)" when needed
  std::vector<std::vector<std::uint64_t>> counts;  // [row][column]
  std::size_t labels = 0;    // labels in all (rows shown or not)
  std::uint64_t lines = 0;   // single-label lines counted, in the rows shown or not
  std::uint64_t lines_shown = 0;
  std::uint64_t correct = 0;  // single-label lines whose best label was theirs, shown or not
  std::uint64_t largest = 0;  // the largest count of a cell
};

inline constexpr const char* kOtherColumn = "(other)";
inline constexpr const char* kNoneColumn = "(none)";

// The table of `metrics`, with at most `most` labels (>= 1).
ConfusionTable confusion_table(const TestMetrics& metrics, std::size_t most);

}  // namespace embedtool
