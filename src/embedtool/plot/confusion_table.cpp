#include "embedtool/plot/confusion_table.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace embedtool {

ConfusionTable confusion_table(const TestMetrics& metrics, std::size_t most) {
  // Single-label lines per true label, and which labels ever appear in a cell.
  std::vector<std::uint64_t> lines_of(metrics.label_count(), 0);
  std::uint64_t lines = 0;
  std::uint64_t correct = 0;
  for (const auto& [cell, count] : metrics.confusion()) {
    lines_of[cell.first] += count;
    lines += count;
    if (cell.second == cell.first) correct += count;
  }
  // By lines, more first; ties keep the metrics' order: the model's labels (sorted by training
  // count), then those only the test brings.
  std::vector<std::size_t> order(metrics.label_count());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return lines_of[a] > lines_of[b];
  });
  // A label no line has and the model cannot predict (one the test brings only on lines with
  // several labels) would be an empty row and an empty column: left out.
  std::erase_if(order, [&](std::size_t label) {
    return lines_of[label] == 0 && !metrics.seen_in_training(label);
  });

  ConfusionTable table;
  table.labels = order.size();
  table.lines = lines;
  table.correct = correct;
  const std::size_t shown = std::min(order.size(), std::max<std::size_t>(most, 1));
  std::vector<std::optional<std::size_t>> column_of(metrics.label_count());
  for (std::size_t i = 0; i < shown; ++i) {
    table.rows.push_back(metrics.label_name(order[i]));
    table.columns.push_back(metrics.label_name(order[i]));
    column_of[order[i]] = i;
  }
  std::vector<std::optional<std::size_t>> row_of = column_of;

  bool any_other = false;
  bool any_none = false;
  for (const auto& [cell, count] : metrics.confusion()) {
    if (!row_of[cell.first]) continue;
    if (!cell.second) any_none = true;
    else if (!column_of[*cell.second]) any_other = true;
  }
  const std::size_t other_column = table.columns.size();
  if (any_other) table.columns.emplace_back(kOtherColumn);
  const std::size_t none_column = table.columns.size();
  if (any_none) table.columns.emplace_back(kNoneColumn);

  table.counts.assign(table.rows.size(), std::vector<std::uint64_t>(table.columns.size(), 0));
  for (const auto& [cell, count] : metrics.confusion()) {
    if (!row_of[cell.first]) continue;
    const std::size_t column = !cell.second               ? none_column
                               : column_of[*cell.second] ? *column_of[*cell.second]
                                                         : other_column;
    std::uint64_t& slot = table.counts[*row_of[cell.first]][column];
    slot += count;
    table.lines_shown += count;
    table.largest = std::max(table.largest, slot);
  }
  return table;
}

}  // namespace embedtool
