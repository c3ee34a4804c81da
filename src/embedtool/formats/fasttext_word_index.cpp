#include "embedtool/formats/fasttext_word_index.h"

#include <limits>

#include "embedtool/errors.h"
#include "embedtool/storage/emb_hash_index.h"
#include "embedtool/text/char_ngrams.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

FastTextWordIndex::FastTextWordIndex(std::span<const FastTextEntry> entries, std::uint64_t words,
                                     const std::string& source)
    : entries_(entries.first(static_cast<std::size_t>(words))) {
  // fastText's dictionary holds at most 2^31 entries (an i32 size), so entry + 1 fits a u32.
  static_assert(std::numeric_limits<std::int32_t>::max() < std::numeric_limits<std::uint32_t>::max());
  const std::uint64_t slot_count = hash_index_slot_count(words);
  slots_.assign(static_cast<std::size_t>(slot_count), 0);
  mask_ = slot_count - 1;
  for (std::uint64_t entry = 0; entry < words; ++entry) {
    const std::string_view word = entries_[entry].word;
    std::uint64_t slot = fasttext_hash(word) & mask_;
    for (; slots_[slot] != 0; slot = (slot + 1) & mask_) {
      const std::uint64_t other = slots_[slot] - 1;
      if (entries_[other].word == word) {
        throw Error(source + " is not a valid fastText model: the word " + quoted(word) +
                    " is dictionary entry " + decimal(other + 1) + " and " + decimal(entry + 1));
      }
    }
    slots_[slot] = static_cast<std::uint32_t>(entry + 1);
  }
}

std::optional<std::uint64_t> FastTextWordIndex::find(std::string_view word) const {
  if (slots_.empty()) return std::nullopt;
  // At most half the slots are full, so an empty slot ends every search.
  for (std::uint64_t slot = fasttext_hash(word) & mask_; slots_[slot] != 0; slot = (slot + 1) & mask_) {
    const std::uint64_t entry = slots_[slot] - 1;
    if (entries_[entry].word == word) return entry;
  }
  return std::nullopt;
}

}  // namespace embedtool
