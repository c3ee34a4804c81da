#pragma once
// The characters that end a word whatever the filters are: whitespace and control characters.
// Keras splits only on " " (after its filters turned "\t" and "\n" into spaces); embedtool also
// splits on "\r", "\v", "\f", the other C0/C1 control characters (NUL included), DEL, and Unicode
// spaces and separators (categories Zs, Zl, Zp: U+00A0, U+2009, U+3000, U+2028, ...). That is a
// superset of Python's str.isspace(), so no word embedtool produces can contain what
// str.split() would split on.
#include <cstddef>
#include <string_view>

namespace embedtool {

bool is_space_or_control(char32_t code_point);

// Byte offset of the first space or control character in `text`, or npos. Invalid UTF-8 bytes
// are not characters and are skipped.
std::size_t find_space_or_control(std::string_view text);

}  // namespace embedtool
