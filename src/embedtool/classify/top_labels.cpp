#include "embedtool/classify/top_labels.h"

#include <cassert>
#include <cmath>

namespace embedtool {

RankingLimits ranking_limits(const TopLabelsOptions& options) {
  assert(options.k >= 1 || options.k == kAllLabels);
  RankingLimits limits;
  limits.k = options.k == kAllLabels ? RankingLimits::kEveryClass
                                     : static_cast<std::size_t>(options.k);
  // 0 gives -inf: every label passes.
  limits.log_threshold = static_cast<float>(std::log(options.threshold));
  return limits;
}

void label_scores(std::span<const RankedClass> ranked, std::vector<LabelScore>& out) {
  out.clear();
  for (const RankedClass& c : ranked)
    out.push_back({static_cast<std::size_t>(c.id), std::exp(c.log_probability)});
}

void top_labels(std::span<const float> log_probabilities, const TopLabelsOptions& options,
                std::vector<LabelScore>& out) {
  std::vector<RankedClass> ranked;
  rank_classes(log_probabilities, ranking_limits(options), ranked);
  label_scores(ranked, out);
}

}  // namespace embedtool
