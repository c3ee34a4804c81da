#pragma once
// Choosing a head's best classes for an h (a classifier's predict): at most k of them, only
// those whose log-probability reaches a threshold, best first, equal values in class order (the
// more frequent class first). A NaN log-probability (diverged weights) is never chosen. Heads
// choose through Head::top_classes, which by default scores every class and calls
// rank_classes; hierarchical softmax searches its tree instead and skips most classes.
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "embedtool/training/class_id.h"

namespace embedtool {

struct RankedClass {
  ClassId id = 0;
  float log_probability = 0.0f;
};

struct RankingLimits {
  std::size_t k = 1;  // at most this many; kEveryClass: no limit
  float log_threshold = -std::numeric_limits<float>::infinity();

  static constexpr std::size_t kEveryClass = std::numeric_limits<std::size_t>::max();
};

// The order of the answer: higher log-probability first, then the lower class.
inline bool ranks_before(const RankedClass& a, const RankedClass& b) {
  return a.log_probability != b.log_probability ? a.log_probability > b.log_probability
                                                : a.id < b.id;
}

// From one log-probability per class (Head::predict's output) into `out`.
void rank_classes(std::span<const float> log_probabilities, const RankingLimits& limits,
                  std::vector<RankedClass>& out);

}  // namespace embedtool
