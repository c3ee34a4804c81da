#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/sequences/id_sequence_parser.h"

using embedtool::Sequence;
using embedtool::TextLocation;

namespace {

// The message of the Error that parsing `line` throws, or "" when it does not throw.
std::string parse_error(std::string_view line, const TextLocation& where) {
  try {
    embedtool::parse_id_sequence(line, where);
  } catch (const embedtool::Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("parse_id_sequence reads whitespace-separated base-10 ids") {
  const TextLocation where{"ids.txt", 1, 0};
  CHECK(embedtool::parse_id_sequence("3 17 0 5", where) == Sequence{3, 17, 0, 5});
  CHECK(embedtool::parse_id_sequence("42", where) == Sequence{42});
  CHECK(embedtool::parse_id_sequence("007 0", where) == Sequence{7, 0});
  CHECK(embedtool::parse_id_sequence("+5 -2 -0 +0", where) == Sequence{5, -2, 0, 0});
  CHECK(embedtool::parse_id_sequence("9223372036854775807 -9223372036854775808", where) ==
        Sequence{std::numeric_limits<embedtool::WordId>::max(),
                 std::numeric_limits<embedtool::WordId>::min()});
}

TEST_CASE("parse_id_sequence splits on every ASCII whitespace character") {
  const TextLocation where{};
  CHECK(embedtool::parse_id_sequence("  1\t2\r\n", where) == Sequence{1, 2});
  CHECK(embedtool::parse_id_sequence("1\v2\f3  \t 4\r", where) == Sequence{1, 2, 3, 4});
  CHECK(embedtool::parse_id_sequence("", where).empty());
  CHECK(embedtool::parse_id_sequence(" \t\r\n", where).empty());
}

TEST_CASE("parse_id_sequence names the bad token and its place") {
  const TextLocation where{"ids.txt", 4, 100};
  struct Case {
    std::string_view line;
    std::string expected;
  };
  const Case cases[] = {
      // The byte is the line's offset plus the token's offset in the line.
      {"1 2  3x", R"(not an integer id: "3x" (ids.txt: line 4, byte 105))"},
      {"1.5", R"(not an integer id: "1.5" (ids.txt: line 4, byte 100))"},
      {"7 1e3", R"(not an integer id: "1e3" (ids.txt: line 4, byte 102))"},
      {"0x10", R"(not an integer id: "0x10" (ids.txt: line 4, byte 100))"},
      {"cat", R"(not an integer id: "cat" (ids.txt: line 4, byte 100))"},
      {"3,4", R"(not an integer id: "3,4" (ids.txt: line 4, byte 100))"},
      // Signs: one sign, followed by digits; nothing else.
      {"+", R"(not an integer id: "+" (ids.txt: line 4, byte 100))"},
      {"-", R"(not an integer id: "-" (ids.txt: line 4, byte 100))"},
      {"+-3", R"(not an integer id: "+-3" (ids.txt: line 4, byte 100))"},
      {"-+3", R"(not an integer id: "-+3" (ids.txt: line 4, byte 100))"},
      {"--3", R"(not an integer id: "--3" (ids.txt: line 4, byte 100))"},
      {"++3", R"(not an integer id: "++3" (ids.txt: line 4, byte 100))"},
      {"3-", R"(not an integer id: "3-" (ids.txt: line 4, byte 100))"},
      // Too large for 64 bits, either way.
      {"1 99999999999999999999",
       R"(id does not fit in 64 bits: "99999999999999999999" (ids.txt: line 4, byte 102))"},
      {"9223372036854775808",
       R"(id does not fit in 64 bits: "9223372036854775808" (ids.txt: line 4, byte 100))"},
      {"-9223372036854775809",
       R"(id does not fit in 64 bits: "-9223372036854775809" (ids.txt: line 4, byte 100))"},
      {"+99999999999999999999",
       R"(id does not fit in 64 bits: "+99999999999999999999" (ids.txt: line 4, byte 100))"},
      // Too large and followed by garbage: the garbage is the problem that is named.
      {"99999999999999999999x",
       R"(not an integer id: "99999999999999999999x" (ids.txt: line 4, byte 100))"},
      // Non-ASCII whitespace (U+00A0) and non-ASCII digits (U+0663) are not separators or
      // digits; bytes outside printable ASCII are shown escaped so the message stays one line.
      {"3\xc2\xa0" "5", R"(not an integer id: "3\xc2\xa05" (ids.txt: line 4, byte 100))"},
      {"\xd9\xa3", R"(not an integer id: "\xd9\xa3" (ids.txt: line 4, byte 100))"},
      {std::string_view("1\0002", 3), R"(not an integer id: "1\x002" (ids.txt: line 4, byte 100))"},
      {"1\x1b[31m", R"(not an integer id: "1\x1b[31m" (ids.txt: line 4, byte 100))"},
      {"\"5\"", R"(not an integer id: "\"5\"" (ids.txt: line 4, byte 100))"},
      // Long tokens are cut after 40 bytes.
      {"12345678901234567890123456789012345678901234567890x",
       R"(not an integer id: "1234567890123456789012345678901234567890"... (ids.txt: line 4, byte 100))"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(parse_error(c.line, where) == c.expected);
  }
}

TEST_CASE("parse_id_sequence leaves unknown parts of the place out") {
  CHECK(parse_error("1 x", TextLocation{"-", 0, 7}) == R"(not an integer id: "x" (-: byte 9))");
  CHECK(parse_error("1 x", TextLocation{"", 3, 7}) == R"(not an integer id: "x" (line 3, byte 9))");
  CHECK(parse_error("1 x", TextLocation{}) == R"(not an integer id: "x" (byte 2))");
}

TEST_CASE("parse_id_sequence reports the first bad token") {
  CHECK(parse_error("1 a b", TextLocation{"ids.txt", 2, 10}) ==
        R"(not an integer id: "a" (ids.txt: line 2, byte 12))");
}

TEST_CASE("a token that is not an integer is a NotAnIdError (pad adds its --vocab hint); one too large is not") {
  const TextLocation where{"ids.txt", 1, 0};
  CHECK_THROWS_AS(embedtool::parse_id_sequence("the cat", where), embedtool::NotAnIdError);
  try {
    embedtool::parse_id_sequence("99999999999999999999", where);
    FAIL("an id too large for 64 bits was accepted");
  } catch (const embedtool::NotAnIdError&) {
    FAIL("an id too large for 64 bits was called not an integer");
  } catch (const embedtool::Error&) {
  }
}
