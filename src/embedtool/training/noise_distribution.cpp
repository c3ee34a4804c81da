#include "embedtool/training/noise_distribution.h"

#include <cmath>
#include <limits>

#include "embedtool/errors.h"

namespace embedtool {

// Vose's construction: scale the probabilities so that they average 1, then repeatedly fill an
// under-full slot (weight < 1) with its own class up to its weight and with an over-full class
// for the rest. Each slot ends up holding at most two classes, and the share of the table that
// goes to a class equals its probability.
NoiseDistribution::NoiseDistribution(std::span<const std::uint64_t> counts, double power) {
  const std::size_t n = counts.size();
  if (n == 0) throw Error("negative sampling needs at least one word");
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw Error("negative sampling supports at most 2^32 - 1 words");

  std::vector<double> scaled(n);
  double total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    scaled[k] = counts[k] == 0 ? 0.0 : std::pow(static_cast<double>(counts[k]), power);
    total += scaled[k];
  }
  for (double& weight : scaled) weight = total > 0 ? weight * static_cast<double>(n) / total : 1.0;

  std::vector<std::uint32_t> under;
  std::vector<std::uint32_t> over;
  for (std::size_t k = 0; k < n; ++k)
    (scaled[k] < 1.0 ? under : over).push_back(static_cast<std::uint32_t>(k));

  constexpr double kTwoTo32 = 4294967296.0;
  slots_.resize(n);
  while (!under.empty() && !over.empty()) {
    const std::uint32_t small = under.back();
    under.pop_back();
    const std::uint32_t large = over.back();
    const double keep = scaled[small] * kTwoTo32;
    slots_[small] = {static_cast<std::uint32_t>(std::min(keep, kTwoTo32 - 1)), large};
    scaled[large] -= 1.0 - scaled[small];
    if (scaled[large] < 1.0) {
      over.pop_back();
      under.push_back(large);
    }
  }
  // What is left holds weight 1 up to rounding: the slot is all its own class (alias = itself
  // makes the comparison irrelevant).
  for (const std::uint32_t k : under) slots_[k] = {0, k};
  for (const std::uint32_t k : over) slots_[k] = {0, k};
}

double NoiseDistribution::probability(std::size_t k) const {
  constexpr double kTwoTo32 = 4294967296.0;
  const double n = static_cast<double>(slots_.size());
  double share = 0;
  for (std::size_t slot = 0; slot < slots_.size(); ++slot) {
    const double own = slots_[slot].alias == slot ? 1.0 : slots_[slot].keep_below / kTwoTo32;
    if (slot == k) share += own;
    if (slots_[slot].alias == k && slots_[slot].alias != slot) share += 1.0 - own;
  }
  return share / n;
}

}  // namespace embedtool
