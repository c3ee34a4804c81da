#include <doctest/doctest.h>

#include <string_view>

#include "embedtool/text/line_ends.h"

namespace embedtool {
namespace {

std::size_t line_end_in(std::string_view text) { return find_line_end(text.data(), text.size()); }

TEST_CASE("line ends: the first LF or CR, whichever comes first") {
  CHECK(line_end_in("") == 0);
  CHECK(line_end_in("no end") == 6);
  CHECK(line_end_in("a\nb\rc") == 1);
  CHECK(line_end_in("ab\rc\nd") == 2);
  CHECK(line_end_in("abc\r\n") == 3);
  CHECK(line_end_in("\n") == 0);
  // Other control bytes (form feed, vertical tab, NEL's UTF-8 bytes) do not end lines.
  CHECK(line_end_in("a\f\v\xC2\x85z\n") == 6);
  // A NUL byte is text, not the end of the buffer.
  CHECK(line_end_in(std::string_view("a\0b\r", 4)) == 3);
}

TEST_CASE("line ends: the byte-order mark is UTF-8's") {
  CHECK(kByteOrderMark == "\xEF\xBB\xBF");
}

}  // namespace
}  // namespace embedtool
