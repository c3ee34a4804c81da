#pragma once
// The hash index section (format version 2): word -> row, stored so that a reader of a mapped
// file finds a word by reading a few slots and words instead of the whole vocabulary (building
// an in-memory map of a million words costs about as long as the rest of a lookup).
//
// S = 2^k slots of u64. Slot value 0 means empty (row 0 is <pad>, which is never looked up by
// spelling); any other value is a row >= 2. A word's home slot is crc32(word bytes) mod S, and
// the word sits in the first slot at or after its home (wrapping around) in the order the writer
// inserted the rows: 2, 3, ... (linear probing). Writers use the smallest S >= 2 x words, so
// probes stay short and there is always an empty slot to end an unsuccessful search.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class EmbVocabularyView;

// The number of slots a writer uses for `words` words.
std::uint64_t hash_index_slot_count(std::uint64_t words);

// The home slot of `word` in a table of `slot_count` (a power of two) slots.
std::uint64_t hash_index_home_slot(std::string_view word, std::uint64_t slot_count);

std::vector<std::byte> encode_hash_index_section(const Vocabulary& vocabulary);

class EmbHashIndexView {
 public:
  // `section` has a power-of-two number of 8-byte slots (decode_emb_header checks this).
  explicit EmbHashIndexView(std::span<const std::byte> section) : section_(section) {}

  std::uint64_t slot_count() const { return section_.size() / 8; }
  std::uint64_t slot(std::uint64_t i) const;

  // The row of `word`, or nullopt if it is not a word of the vocabulary. Reads only the slots of
  // its probe sequence and the words they name. Throws Error naming the file if a slot names a
  // row outside [2, rows) or if no empty slot ends the search (a damaged index).
  std::optional<std::uint64_t> find(std::string_view word, const EmbVocabularyView& vocabulary) const;

 private:
  std::span<const std::byte> section_;
};

// Checks the whole index against a vocabulary whose words are known to be valid and unique:
// exactly one slot per word, none for another row, and every word found at its own row.
// Throws Error naming the file and the first problem.
void check_hash_index(const EmbHashIndexView& index, const EmbVocabularyView& vocabulary);

}  // namespace embedtool
