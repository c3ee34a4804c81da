#pragma once
// Read access to a vocabulary section in place (in a mapped file): the word and count of one row
// without decoding the others. Only the rows that are read are checked, so a lookup of a few
// words costs a few reads whatever the vocabulary size; decode_vocabulary_section checks all.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

class EmbVocabularyView {
 public:
  // Checks that the section can hold the offset and count tables of `rows` rows (16 x rows + 8
  // bytes, computed without overflow). Throws Error naming `source_name`.
  EmbVocabularyView(std::span<const std::byte> section, std::uint64_t rows, std::string source_name);

  std::uint64_t rows() const { return rows_; }
  std::string_view blob() const { return blob_; }
  const std::string& source_name() const { return source_name_; }

  // Entry i of the offset table (i <= rows), unchecked.
  std::uint64_t word_end(std::uint64_t i) const;
  std::uint64_t count(std::uint64_t row) const;

  // The bytes of row `row`'s word (row < rows). Throws Error if its offsets are outside the blob
  // or not increasing: a damaged section never leads to a read outside it.
  std::string_view word(std::uint64_t row) const;

 private:
  const std::byte* offsets_;  // rows + 1 u64
  const std::byte* counts_;   // rows u64
  std::string_view blob_;
  std::uint64_t rows_;
  std::string source_name_;
};

}  // namespace embedtool
