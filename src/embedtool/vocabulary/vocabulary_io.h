#pragma once
// The vocabulary file: one `word<TAB>count` line per word in id order, reserved ids implicit
// (line k holds id k + 1, so the first line is id 2). `cut -f1` gives the words.
#include <istream>
#include <ostream>
#include <string>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

void write_vocabulary_tsv(const Vocabulary& vocabulary, std::ostream& out);

// Throws Error naming `source_name` and the line on a malformed line (no tab, bad count,
// empty or duplicate word, counts not in descending order is allowed: files may be edited).
Vocabulary read_vocabulary_tsv(std::istream& in, const std::string& source_name);

}  // namespace embedtool
