#pragma once
// The vocabulary section names every row of the matrix, reserved rows included: a string table
// (emb_string_table.h) of rows + 1 u64 offsets into the word blob, rows u64 counts, then the
// blob of UTF-8 words.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class EmbVocabularyView;

std::vector<std::byte> encode_vocabulary_section(const Vocabulary& vocabulary);

// Checks the section completely (size for `rows`, offsets increasing and inside the blob, rows 0
// and 1 the reserved tokens with count 0, words valid UTF-8 and unique) and rebuilds the
// Vocabulary. Throws Error naming `source_name`.
Vocabulary decode_vocabulary_section(std::span<const std::byte> section, std::uint64_t rows,
                                     const std::string& source_name);

// The Vocabulary of the first `rows` rows of `view` (rows <= view.rows()), checking those rows
// as decode_vocabulary_section does, except that the offset table is checked row by row as
// words are read rather than as a whole. For loading the first rows of a large mapped file.
Vocabulary vocabulary_from_view(const EmbVocabularyView& view, std::uint64_t rows);

}  // namespace embedtool
