#pragma once
// Words read from foreign files. The model keeps only valid UTF-8 (docs/FORMAT.md), and a
// foreign file may hold anything, e.g. a word2vec binary file whose writer cut words to a fixed
// number of bytes in the middle of a character. What happens then is the user's choice
// (--unicode-errors, as for tokenizing): strict (an Error naming the line or byte), replace
// (U+FFFD, as Python's errors="replace" and gensim's unicode_errors="replace"), or ignore.
#include <string>
#include <string_view>

#include "embedtool/text/tokenizer.h"

namespace embedtool {

// `raw` as a vocabulary word. `where` is the place in the file, as location_message gives it
// (" (file: line 3)"), and `raw_offset` the byte offset of `raw` in the file, so that the first
// bad byte can be named. Throws Error if `raw` is invalid UTF-8 under strict, or if the word is
// empty (also after ignore dropped every byte).
std::string word_from_bytes(std::string_view raw, UnicodeErrors errors, std::string_view source,
                            std::uint64_t line, std::uint64_t raw_offset);

}  // namespace embedtool
