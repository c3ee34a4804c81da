#pragma once
// The vocabulary file: one `word<TAB>count` line per word in id order, reserved ids implicit
// (line k holds id k + 1, so the first line is id 2). `cut -f1` gives the words.
#include <istream>
#include <ostream>
#include <string>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// Throws Error for a word the format cannot hold (whitespace, control characters, invalid
// UTF-8; the tokenizer never makes such words) or when `out` fails.
void write_vocabulary_tsv(const Vocabulary& vocabulary, std::ostream& out);

// Throws Error naming `source_name` and the line on a malformed line: no tab, more than one tab,
// a count that is not a whole number in 0..2^64-1, an empty or duplicate word, a word with
// whitespace, control characters or invalid UTF-8, an empty line before the last word. Counts
// need not descend (files may be edited). A BOM, CRLF line ends and trailing empty lines are
// accepted.
Vocabulary read_vocabulary_tsv(std::istream& in, const std::string& source_name);

// True when the first line of the regular file `path` reads as a vocabulary file's
// (`word<TAB>count`, the word not a number): for the commands that expect vectors, whose
// .tsv reader would otherwise look for a projector's metadata file beside it.
bool looks_like_vocabulary_file(const std::string& path);

}  // namespace embedtool
