#include "embedtool/sequences/word_id_table.h"

#include <cstring>
#include <limits>

#include "embedtool/errors.h"

namespace embedtool {

// Eight bytes at a time through a multiply-xorshift, then MurmurHash3's finaliser: enough mixing
// that similar words land in different slots.
std::uint64_t WordIdTable::hash(std::string_view word) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = word.size() * kMultiplier;
  std::size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 29;
  }
  if (i < word.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, word.data() + i, word.size() - i);
    h = (h ^ chunk) * kMultiplier;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

WordIdTable::WordIdTable(const Vocabulary& vocabulary) {
  const std::size_t words = vocabulary.word_count();
  if (words >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw Error("the training vocabulary is limited to 2^31 - 1 words");
  std::size_t capacity = 16;
  while (capacity * 7 < words * 10) capacity *= 2;
  slots_.assign(capacity, Slot{0, 0, 0});
  mask_ = capacity - 1;

  offsets_.reserve(words + 1);
  offsets_.push_back(0);
  for (std::size_t k = 0; k < words; ++k) {
    const std::string_view word = vocabulary.word(static_cast<WordId>(k) + kFirstWordId);
    if (word.size() > std::numeric_limits<std::uint32_t>::max())
      throw Error("a vocabulary word is longer than 4 GB");
    if (word.size() > sizeof(std::uint64_t)) bytes_ += word.substr(sizeof(std::uint64_t));
    offsets_.push_back(bytes_.size());
  }
  for (std::size_t k = 0; k < words; ++k) {
    const auto id = static_cast<std::uint32_t>(k + kFirstWordId);
    const std::string_view word = vocabulary.word(id);
    std::uint64_t slot = hash(word) & mask_;
    while (slots_[slot].id != 0) slot = (slot + 1) & mask_;
    slots_[slot] = {first_bytes(word), static_cast<std::uint32_t>(word.size()), id};
  }
}

}  // namespace embedtool
