#include "embedtool/classify/top_labels.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace embedtool {

void top_labels(std::span<const float> log_probabilities, const TopLabelsOptions& options,
                std::vector<LabelScore>& out) {
  assert(options.k >= 1 || options.k == kAllLabels);
  out.clear();
  // Compared in log space, where the head computed them (exp() of a very negative value is 0
  // and would tie labels the head tells apart), and in float as they are, so that a label whose
  // probability is the threshold exactly passes. 0 gives -inf: every label passes.
  const auto log_threshold = static_cast<float>(std::log(options.threshold));
  struct Candidate {
    float log_probability;
    std::size_t label;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(log_probabilities.size());
  for (std::size_t c = 0; c < log_probabilities.size(); ++c) {
    const float value = log_probabilities[c];
    if (!std::isnan(value) && value >= log_threshold) candidates.push_back({value, c});
  }
  const auto better = [](const Candidate& a, const Candidate& b) {
    return a.log_probability != b.log_probability ? a.log_probability > b.log_probability
                                                  : a.label < b.label;
  };
  std::size_t kept = candidates.size();
  if (options.k != kAllLabels) kept = std::min(kept, static_cast<std::size_t>(options.k));
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept),
                    candidates.end(), better);
  for (std::size_t i = 0; i < kept; ++i)
    out.push_back({candidates[i].label, std::exp(candidates[i].log_probability)});
}

}  // namespace embedtool
