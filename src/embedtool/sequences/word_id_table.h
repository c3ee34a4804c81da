#pragma once
// word → id for TextEncoder (text_encoder.h), whose hottest user is training, where every token of
// every epoch is looked up: one flat open-addressing array holding each word's id, size and first
// eight bytes, and the bytes after those in one block. The vocabulary's own map (node-based std::unordered_map, a division per lookup) took about 9% of a
// one-thread negative-sampling run; this table takes a fraction of that.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class WordIdTable {
 public:
  // Throws Error for vocabularies of 2^31 words or more.
  explicit WordIdTable(const Vocabulary& vocabulary);

  // The same id as vocabulary.id_or_unknown(word).
  WordId id_or_unknown(std::string_view word) const {
    const std::uint64_t h = hash(word);
    const std::uint64_t head = first_bytes(word);
    for (std::uint64_t slot = h & mask_;; slot = (slot + 1) & mask_) {
      const Slot& entry = slots_[slot];
      if (entry.id == 0) return kUnknownId;
      if (entry.head == head && entry.size == word.size() &&
          (word.size() <= sizeof head || rest_of(entry.id) == word.substr(sizeof head)))
        return entry.id;
    }
  }

 private:
  // A word's first eight bytes are kept in its slot: most words are that short, and are then
  // found with a single memory access.
  struct Slot {
    std::uint64_t head;  // the first eight bytes, zero-padded
    std::uint32_t size;  // bytes
    std::uint32_t id;    // 0: empty (0 is the padding id, never a word)
  };

  static std::uint64_t hash(std::string_view word);
  static std::uint64_t first_bytes(std::string_view word) {
    std::uint64_t head = 0;
    std::memcpy(&head, word.data(), std::min(word.size(), sizeof head));
    return head;
  }
  // The bytes after the first eight of a longer word.
  std::string_view rest_of(std::uint32_t id) const {
    const std::size_t k = id - kFirstWordId;
    return {bytes_.data() + offsets_[k], offsets_[k + 1] - offsets_[k]};
  }

  std::vector<Slot> slots_;  // a power of two, at most 70% full
  std::uint64_t mask_ = 0;
  std::vector<std::size_t> offsets_;  // the rest of word k is bytes_[offsets_[k], offsets_[k+1])
  std::string bytes_;
};

}  // namespace embedtool
