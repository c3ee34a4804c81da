#pragma once
// Read access to a vocabulary section in place (in a mapped file): the word and count of one row
// without decoding the others. A vocabulary section is a string table (emb_string_table.h) whose
// entries are the matrix rows, reserved rows included.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "embedtool/storage/emb_string_table.h"

namespace embedtool {

inline constexpr EmbStringTableTerms kVocabularyTerms = {
    "vocabulary", "row", "vocabulary row", "vocabulary offset", "rows", "word"};

class EmbVocabularyView : public EmbStringTableView {
 public:
  // Checks that the section can hold the offset and count tables of `rows` rows (16 x rows + 8
  // bytes, computed without overflow). Throws Error naming `source_name`.
  EmbVocabularyView(std::span<const std::byte> section, std::uint64_t rows, std::string source_name)
      : EmbStringTableView(section, rows, kVocabularyTerms, std::move(source_name)) {}

  std::uint64_t rows() const { return entries(); }
  // Entry i of the offset table (i <= rows), unchecked.
  std::uint64_t word_end(std::uint64_t i) const { return name_end(i); }
  // The bytes of row `row`'s word (row < rows). Throws Error if its offsets are outside the blob
  // or not increasing: a damaged section never leads to a read outside it.
  std::string_view word(std::uint64_t row) const { return name(row); }
};

}  // namespace embedtool
