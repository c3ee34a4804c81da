#include "embedtool/training/class_ranking.h"

#include <algorithm>
#include <cmath>

namespace embedtool {

void rank_classes(std::span<const float> log_probabilities, const RankingLimits& limits,
                  std::vector<RankedClass>& out) {
  out.clear();
  // Compared in log space, where the head computed them (exp() of a very negative value is 0
  // and would tie classes the head tells apart), and in float as they are, so that a class
  // whose value is the threshold exactly passes.
  for (std::size_t c = 0; c < log_probabilities.size(); ++c) {
    const float value = log_probabilities[c];
    if (!std::isnan(value) && value >= limits.log_threshold)
      out.push_back({static_cast<ClassId>(c), value});
  }
  const std::size_t kept = std::min(out.size(), limits.k);
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(kept), out.end(),
                    ranks_before);
  out.resize(kept);
}

}  // namespace embedtool
