#pragma once
// Frequent-word subsampling (word2vec's -sample t): each occurrence of a word with corpus
// frequency f = count / total is kept with probability
//     (sqrt(f / t) + 1) · t / f        (capped at 1)
// so words rarer than about t are always kept and "the", "of", ... lose most occurrences. It
// speeds training up and improves the vectors of rarer words; dropped words are removed before
// windows are formed, which also widens the effective window.
#include <cstdint>
#include <vector>

#include "embedtool/training/random.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// The keep probability above; 1 when threshold is 0 (subsampling off) or count is 0.
double keep_probability(std::uint64_t count, std::uint64_t total, double threshold);

class Subsampler {
 public:
  // Frequencies are the vocabulary's counts over its total count.
  Subsampler(const Vocabulary& vocabulary, double threshold);

  // Draws a random number only for words that may be dropped, so that subsampling off (or a
  // corpus of rare words) costs nothing.
  bool keep(WordId id, Random& random) const {
    const float p = keep_[static_cast<std::size_t>(id)];
    return p >= 1.0f || random.next_unit_float() < p;
  }

 private:
  std::vector<float> keep_;  // by id; 1 for the reserved ids
};

}  // namespace embedtool
