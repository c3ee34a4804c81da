#include "embedtool/training/subsampling.h"

#include <algorithm>
#include <cmath>

namespace embedtool {

double keep_probability(std::uint64_t count, std::uint64_t total, double threshold) {
  if (threshold <= 0 || count == 0 || total == 0) return 1.0;
  const double frequency = static_cast<double>(count) / static_cast<double>(total);
  return std::min(1.0, (std::sqrt(frequency / threshold) + 1.0) * threshold / frequency);
}

Subsampler::Subsampler(const Vocabulary& vocabulary, double threshold)
    : keep_(vocabulary.input_dim(), 1.0f) {
  for (std::size_t id = kFirstWordId; id < keep_.size(); ++id)
    keep_[id] = static_cast<float>(keep_probability(vocabulary.count(static_cast<WordId>(id)),
                                                    vocabulary.total_count(), threshold));
}

}  // namespace embedtool
