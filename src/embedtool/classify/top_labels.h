#pragma once
// A classifier's answer for one h: its best labels, best first, as fastText's predict gives
// them: at most k of them (all with k = kAllLabels), and only those whose probability is at
// least a threshold.
#include <cstddef>
#include <span>
#include <vector>

#include "embedtool/training/class_ranking.h"

namespace embedtool {

// k meaning "every label", as fastText's -1.
inline constexpr int kAllLabels = -1;

struct LabelScore {
  std::size_t label = 0;     // the class: an index into the model's LabelSet
  float probability = 0.0f;  // exp of the head's log-probability
};

struct TopLabelsOptions {
  int k = 1;                // >= 1, or kAllLabels
  double threshold = 0.0;   // keep labels with probability >= threshold
};

// The limits of Head::top_classes (training/class_ranking.h) that the options ask for.
RankingLimits ranking_limits(const TopLabelsOptions& options);
// Ranked classes as labels with their probabilities, in the same order.
void label_scores(std::span<const RankedClass> ranked, std::vector<LabelScore>& out);

// The labels of `log_probabilities` (one per class, as Head::predict writes them) into `out`,
// most probable first; equal probabilities keep class order (the more frequent label first). A
// NaN log-probability (diverged weights) is never predicted.
void top_labels(std::span<const float> log_probabilities, const TopLabelsOptions& options,
                std::vector<LabelScore>& out);

}  // namespace embedtool
