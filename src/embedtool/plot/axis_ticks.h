#pragma once
// Where an axis gets its ticks, and how they are written: steps of 1, 2 or 5 times a power of
// ten, as a person would mark a ruler (0, 0.5, 1, 1.5 ... rather than 0, 0.37, 0.74), and labels
// in plain numbers ("0.005", "2.5M"), never "5e-03".
#include <string>
#include <vector>

namespace embedtool {

struct AxisTicks {
  // The axis' range: the data's, widened to whole steps so that the ends carry a tick.
  double low = 0;
  double high = 1;
  double step = 1;
  std::vector<double> values;       // from low to high, step apart
  std::vector<std::string> labels;  // one per value
};

// Ticks for data from `low` to `high` (finite; either order): the step of 1, 2 or 5 x 10^k that
// gives a count near `target` (at least 2 ticks) without widening the range much beyond the
// data, never smaller than `min_step` (1 for an axis of whole epochs). A range of one value is
// widened around it.
AxisTicks choose_ticks(double low, double high, int target = 5, double min_step = 0);

// `value` as a tick label on an axis of steps of `step`: as many decimals as the step needs, no
// more; thousands, millions and billions as "k", "M", "G" when the step is at least 1000
// ("250k", "1.5M").
std::string tick_label(double value, double step);

}  // namespace embedtool
