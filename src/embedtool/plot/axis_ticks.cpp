#include "embedtool/plot/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace embedtool {

namespace {

// k/step is computed in floating point: 0.3/0.1 is 2.9999999999999996, whose floor would put a
// tick below the data. Quotients this close to a whole number are taken as that number.
constexpr double kWholeSlack = 1e-9;

long long first_tick(double low, double step) {
  return static_cast<long long>(std::floor(low / step + kWholeSlack));
}

long long last_tick(double high, double step) {
  return static_cast<long long>(std::ceil(high / step - kWholeSlack));
}

int decimals_for(double step) {
  return std::max(0, static_cast<int>(std::ceil(-std::log10(step) - kWholeSlack)));
}

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string number = text;
  // "-0" or "-0.00": a tick at zero computed as a tiny negative number.
  if (number.front() == '-' && number.find_first_not_of("-0.") == std::string::npos)
    number.erase(0, 1);
  return number;
}

}  // namespace

AxisTicks choose_ticks(double low, double high, int target, double min_step) {
  if (low > high) std::swap(low, high);
  if (high - low <= std::abs(high) * 1e-12) {  // one value: an axis around it
    const double margin = low == 0 ? 1 : std::abs(low) * 0.1;
    low -= margin;
    high += margin;
  }
  target = std::max(target, 2);
  const double magnitude =
      std::pow(10.0, std::floor(std::log10((high - low) / static_cast<double>(target))));
  double best_step = 0;
  double best_score = 0;
  for (const double scale : {0.1, 1.0, 10.0}) {
    for (const double mantissa : {1.0, 2.0, 5.0}) {
      const double step = mantissa * magnitude * scale;
      if (step < min_step) continue;
      const long long count = last_tick(high, step) - first_tick(low, step) + 1;
      if (count < 2) continue;
      // A tick more or less than asked costs 1; widening the range by a quarter (space the data
      // does not use) costs as much.
      const double widening = (static_cast<double>(count - 1) * step - (high - low)) / (high - low);
      const double score = static_cast<double>(std::llabs(count - target)) + 4 * widening;
      // Ties go to the larger step (fewer, rounder ticks): candidates come smallest first.
      if (best_step == 0 || score <= best_score + kWholeSlack) {
        best_step = step;
        best_score = score;
      }
    }
  }
  if (best_step == 0) best_step = std::max(min_step, high - low);

  AxisTicks ticks;
  ticks.step = best_step;
  const long long first = first_tick(low, best_step);
  const long long last = std::max(last_tick(high, best_step), first + 1);
  ticks.low = static_cast<double>(first) * best_step;
  ticks.high = static_cast<double>(last) * best_step;
  for (long long k = first; k <= last; ++k) {
    const double value = static_cast<double>(k) * best_step;
    ticks.values.push_back(value);
    ticks.labels.push_back(tick_label(value, best_step));
  }
  return ticks;
}

std::string tick_label(double value, double step) {
  if (step >= 1000) {
    // The unit is chosen by the step so that every label of one axis has the same one.
    constexpr std::pair<double, const char*> kUnits[] = {{1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    for (const auto& [unit, suffix] : kUnits) {
      if (step * 10 < unit) continue;
      if (std::abs(value) < step / 2) return "0";
      return fixed(value / unit, decimals_for(step / unit)) + suffix;
    }
  }
  return fixed(value, decimals_for(step));
}

}  // namespace embedtool
