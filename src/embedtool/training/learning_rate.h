#pragma once
// The learning-rate schedule: a straight line from the starting rate down to a small floor,
// driven by the share of the run's words already processed (as word2vec). Tying the rate to
// words rather than to steps keeps the schedule the same whatever the sentence lengths are.
#include <cstdint>

namespace embedtool {

class LinearDecay {
 public:
  // Word2vec's floor: the rate never drops below this fraction of the start, so the last words
  // of the corpus still teach something.
  static constexpr float kFinalFraction = 1e-4f;

  LinearDecay(float start, std::uint64_t words_total) : start_(start), words_total_(words_total) {}

  float at(std::uint64_t words_done) const {
    if (words_total_ == 0) return start_;
    double progress = static_cast<double>(words_done) / static_cast<double>(words_total_);
    if (progress > 1) progress = 1;
    return static_cast<float>(start_ * (1.0 - progress * (1.0 - kFinalFraction)));
  }

 private:
  float start_;
  std::uint64_t words_total_;
};

}  // namespace embedtool
