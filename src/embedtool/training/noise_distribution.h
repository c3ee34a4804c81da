#pragma once
// Where negative sampling draws its noise words: class k with probability proportional to
// count_k^0.75 (word2vec's smoothed unigram distribution, which gives rare words more draws than
// their counts would). Sampled with Walker's alias method: an exact distribution in O(V) memory
// (8 bytes a word, small enough to stay in the L2 cache for most vocabularies) and O(1) per
// draw, where word2vec's table of 10^8 ids takes 400 MB and approximates the distribution.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/training/random.h"

namespace embedtool {

class NoiseDistribution {
 public:
  static constexpr double kWord2vecPower = 0.75;

  // One weight per class: count^power. Classes with count 0 are never drawn; if every count is
  // 0, the distribution is uniform. Throws Error if there are no classes or more than 2^32.
  explicit NoiseDistribution(std::span<const std::uint64_t> counts, double power = kWord2vecPower);

  // One 64-bit random number per draw: the high half picks a slot, the low half decides
  // between the slot's own class and its alias.
  std::uint32_t draw(Random& random) const {
    const std::uint64_t bits = random.next_u64();
    const auto slot = static_cast<std::uint32_t>(((bits >> 32) * slots_.size()) >> 32);
    const Slot& chosen = slots_[slot];
    return static_cast<std::uint32_t>(bits) < chosen.keep_below ? slot : chosen.alias;
  }

  std::size_t classes() const { return slots_.size(); }
  // The probability draw() gives class k, as the table encodes it (for tests).
  double probability(std::size_t k) const;

 private:
  struct Slot {
    std::uint32_t keep_below;  // the slot's own class when the low 32 random bits are below this
    std::uint32_t alias;       // the class drawn otherwise
  };
  std::vector<Slot> slots_;
};

}  // namespace embedtool
