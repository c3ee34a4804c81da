#pragma once
// Files that name the rows of a matrix stored elsewhere, one line per row: the word list beside
// an .npy array, and the metadata.tsv of the TensorBoard projector.
#include <cstdint>
#include <string>
#include <vector>

#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

struct WordListEntry {
  std::string word;
  std::uint64_t count = 0;
};

enum class WordListKind {
  // Each line is a word, or "word<TAB>count" as `embedtool vocab` writes (the count is kept).
  words_or_counts,
  // TensorBoard's metadata.tsv: one column of words without a header; or, when the first line
  // holds a tab, a header line and then rows whose first column is the word.
  projector_metadata,
};

// Throws Error naming the file and line of an empty word, a bad count, or (under strict) a word
// that is not valid UTF-8. Lines end in LF or CRLF; blank lines may only end the file.
std::vector<WordListEntry> read_word_list(const std::string& path, WordListKind kind,
                                          UnicodeErrors unicode_errors);

// One word per line, the rows from `first_row` on. Throws Error before writing a word that
// contains a tab or a line break.
void write_word_list(const EmbeddingModel& model, WordId first_row, std::string_view format,
                     OutputFile& out);

}  // namespace embedtool
