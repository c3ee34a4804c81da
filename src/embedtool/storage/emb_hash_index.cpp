#include "embedtool/storage/emb_hash_index.h"

#include <algorithm>
#include <bit>

#include "embedtool/errors.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_vocabulary_view.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace le = little_endian;

namespace {

constexpr std::uint64_t kEmptySlot = 0;

}  // namespace

std::uint64_t hash_index_slot_count(std::uint64_t words) {
  return std::bit_ceil(std::max<std::uint64_t>(1, 2 * words));
}

std::uint64_t hash_index_home_slot(std::string_view word, std::uint64_t slot_count) {
  return crc32_of(std::as_bytes(std::span(word.data(), word.size()))) & (slot_count - 1);
}

std::vector<std::byte> encode_hash_index_section(const Vocabulary& vocabulary) {
  const std::uint64_t slots = hash_index_slot_count(vocabulary.word_count());
  std::vector<std::uint64_t> table(slots, kEmptySlot);
  for (std::uint64_t row = kReservedIds; row < vocabulary.input_dim(); ++row) {
    std::uint64_t at = hash_index_home_slot(vocabulary.word(static_cast<WordId>(row)), slots);
    while (table[at] != kEmptySlot) at = (at + 1) & (slots - 1);
    table[at] = row;
  }
  std::vector<std::byte> section(8 * slots);
  for (std::uint64_t i = 0; i < slots; ++i) le::store_u64(section.data() + 8 * i, table[i]);
  return section;
}

std::uint64_t EmbHashIndexView::slot(std::uint64_t i) const {
  return le::load_u64(section_.data() + 8 * i);
}

std::optional<std::uint64_t> EmbHashIndexView::find(std::string_view word,
                                                    const EmbVocabularyView& vocabulary) const {
  const std::uint64_t slots = slot_count();
  std::uint64_t at = hash_index_home_slot(word, slots);
  // At most one pass over the table: a damaged index without an empty slot must not loop.
  for (std::uint64_t probes = 0; probes < slots; ++probes, at = (at + 1) & (slots - 1)) {
    const std::uint64_t row = slot(at);
    if (row == kEmptySlot) return std::nullopt;
    if (row < kReservedIds || row >= vocabulary.rows()) {
      throw Error(vocabulary.source_name() + " has a damaged hash index: slot " + decimal(at) +
                  " names row " + decimal(row) + ", expected 2 to " +
                  decimal(vocabulary.rows() - 1) + " (run `embedtool verify` on it)");
    }
    if (vocabulary.word(row) == word) return row;
  }
  throw Error(vocabulary.source_name() + " has a damaged hash index: no empty slot among its " +
              decimal(slots) + " (run `embedtool verify` on it)");
}

void check_hash_index(const EmbHashIndexView& index, const EmbVocabularyView& vocabulary) {
  const std::string& source = vocabulary.source_name();
  const std::uint64_t rows = vocabulary.rows();
  const std::uint64_t words = rows - kReservedIds;
  if (index.slot_count() <= words) {
    throw Error(source + ": the hash index has " + decimal(index.slot_count()) + " slots for " +
                decimal(words) + " words, expected more slots than words");
  }
  std::vector<bool> seen(rows, false);
  std::uint64_t used = 0;
  for (std::uint64_t i = 0; i < index.slot_count(); ++i) {
    const std::uint64_t row = index.slot(i);
    if (row == kEmptySlot) continue;
    if (row < kReservedIds || row >= rows) {
      throw Error(source + ": hash index slot " + decimal(i) + " names row " + decimal(row) +
                  ", expected 0 (empty) or a word row, 2 to " + decimal(rows - 1));
    }
    if (seen[row]) {
      throw Error(source + ": hash index slot " + decimal(i) + " names row " + decimal(row) +
                  ", which an earlier slot names too");
    }
    seen[row] = true;
    ++used;
  }
  if (used != words) {
    throw Error(source + ": the hash index names " + decimal(used) + " rows, expected all " +
                decimal(words) + " words");
  }
  for (std::uint64_t row = kReservedIds; row < rows; ++row) {
    const std::optional<std::uint64_t> found = index.find(vocabulary.word(row), vocabulary);
    if (found != row) {
      throw Error(source + ": the hash index does not lead to row " + decimal(row) + " (" +
                  quoted(vocabulary.word(row)) + "): it is not in the probe sequence of its " +
                  "home slot " + decimal(hash_index_home_slot(vocabulary.word(row), index.slot_count())));
    }
  }
}

}  // namespace embedtool
