#include "embedtool/training/head.h"

namespace embedtool {

void Head::top_classes(std::span<const float> h, const RankingLimits& limits,
                       std::vector<RankedClass>& out) {
  all_log_probabilities_.resize(classes());
  predict(h, all_log_probabilities_);
  rank_classes(all_log_probabilities_, limits, out);
}

}  // namespace embedtool
