#pragma once
// word2vec binary vectors, as the original C tool and gensim write them: a text header
// "<rows> <dims>\n", then per row the word's bytes, a space, and `dims` little-endian float32.
//
// Reading: the original tool ends each row with "\n", gensim does not; newlines before a word
// are skipped, so both read the same. A word is every byte up to the space (it may hold any
// other byte; invalid UTF-8 follows --unicode-errors). Errors name the byte offset: a header that
// is not two numbers, a file that ends inside a row, fewer rows than the header announces, or
// bytes left over after the last row. A fastText model (.bin too, but another format) is named
// as such.
//
// Writing: rows end with "\n" as the original tool writes them (gensim and the C tools read
// that); the reserved rows <pad> and <unk> are left out. Values are written bit for bit.
#include <cstddef>
#include <span>
#include <string>

#include "embedtool/formats/foreign_options.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"

namespace embedtool {

EmbeddingModel read_word2vec_binary(std::span<const std::byte> bytes, const std::string& source_name,
                                    const ForeignReadOptions& options);

void write_word2vec_binary(const EmbeddingModel& model, OutputFile& out);

}  // namespace embedtool
