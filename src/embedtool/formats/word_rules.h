#pragma once
// Which words a foreign format can hold. All of them separate words from numbers (or from each
// other) with whitespace, so a word containing a space, tab or line break would shift every
// value after it; such a word is refused when writing, instead of writing a file that no reader
// can split correctly. (embedtool's tokenizer never makes such words; only words from a foreign
// file, e.g. an .npy word list, can have them.)
#include <string>
#include <string_view>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

inline constexpr std::string_view kWhitespace = " \t\n\r\v\f";
// Word lists (one word per line) only need the line and column separators kept out.
inline constexpr std::string_view kLineAndTab = "\t\n\r";

// Throws Error "cannot write <destination> as <format>: the word "..." of row <id> contains a
// space/tab/line break, ..." if `word` holds one of `separators`.
void check_word_writable(std::string_view word, WordId id, std::string_view format,
                         const std::string& destination, std::string_view separators = kWhitespace);

}  // namespace embedtool
