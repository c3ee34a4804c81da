#pragma once
// word2vec / fastText text vectors and GloVe vectors: one row per line, the word, then its
// numbers, separated by spaces. word2vec text starts with a "<rows> <dims>" header line
// (fastText's .vec is this format); GloVe has no header and takes the dimension from its first
// row.
//
// Reading:
// - Lines end in LF or CRLF; spaces at the end of a line are ignored (fastText writes one after
//   every row); a UTF-8 byte-order mark at the start is skipped; blank lines may only end the
//   file.
// - The word is everything before the first space; the numbers follow, separated by one or more
//   spaces. A line with another count of numbers than the header's (or the first row's) is an
//   Error naming the line: a word containing a space is reported, never misread.
// - Numbers are decimal floats ("0.25", "-1e-05", "nan", "inf"); anything else is an Error naming
//   the line and byte.
// - word2vec text: fewer rows than the header announces is an Error (a truncated file); so are
//   more; a header that announces more rows than the file's size could hold is refused at once.
//
// Writing: each number as the shortest decimal that reads back as the same float32, so a round
// trip through text is exact; the reserved rows <pad> and <unk> are left out (they are no words).
#include <cstddef>
#include <span>
#include <string>

#include "embedtool/formats/foreign_options.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"

namespace embedtool {

enum class TextHeader { word2vec, none };

EmbeddingModel read_text_vectors(std::span<const std::byte> bytes, const std::string& source_name,
                                 TextHeader header, const ForeignReadOptions& options);

void write_text_vectors(const EmbeddingModel& model, TextHeader header, OutputFile& out);

}  // namespace embedtool
