#include "embedtool/query/spearman.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace embedtool {
namespace {

double pearson_correlation(std::span<const double> x, std::span<const double> y) {
  const double n = static_cast<double>(x.size());
  const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double covariance = 0, variance_x = 0, variance_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - mean_x;
    const double dy = y[i] - mean_y;
    covariance += dx * dy;
    variance_x += dx * dx;
    variance_y += dy * dy;
  }
  if (variance_x == 0 || variance_y == 0) return std::numeric_limits<double>::quiet_NaN();
  return covariance / std::sqrt(variance_x * variance_y);
}

}  // namespace

std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&values](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t first = 0; first < order.size();) {
    std::size_t end = first + 1;
    while (end < order.size() && values[order[end]] == values[order[first]]) ++end;
    // Positions first..end-1 hold equal values: ranks first+1..end, whose mean is this.
    const double shared_rank = (static_cast<double>(first + 1) + static_cast<double>(end)) / 2;
    for (std::size_t i = first; i < end; ++i) ranks[order[i]] = shared_rank;
    first = end;
  }
  return ranks;
}

double spearman_correlation(std::span<const double> x, std::span<const double> y) {
  assert(x.size() == y.size());
  const auto has_nan = [](std::span<const double> v) {
    return std::any_of(v.begin(), v.end(), [](double value) { return std::isnan(value); });
  };
  // NaN has no rank (and would break the sort's ordering); nor is a single pair ranked.
  if (x.size() < 2 || has_nan(x) || has_nan(y)) return std::numeric_limits<double>::quiet_NaN();
  // With ties, the textbook 1 - 6 sum d^2 / (n (n^2 - 1)) is only an approximation; the
  // correlation of the average ranks is the exact definition.
  const std::vector<double> rank_x = average_ranks(x);
  const std::vector<double> rank_y = average_ranks(y);
  return pearson_correlation(rank_x, rank_y);
}

}  // namespace embedtool
