#include "embedtool/text/line_reader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "test_streams.h"

using embedtool::LineReader;

namespace {

struct Line {
  std::string text;
  std::uint64_t number;
  std::uint64_t offset;
  bool operator==(const Line&) const = default;
};

}  // namespace

namespace doctest {
template <>
struct StringMaker<std::vector<Line>> {
  static String convert(const std::vector<Line>& lines) {
    std::string text = "{";
    for (const Line& line : lines) {
      text += " {\"" + (line.text.size() > 40 ? line.text.substr(0, 40) + "..." : line.text) +
              "\", " + std::to_string(line.number) + ", " + std::to_string(line.offset) + "}";
    }
    return (text + " }").c_str();
  }
};
}  // namespace doctest

namespace {

std::vector<Line> read_all(std::istream& input) {
  LineReader reader(input, "test");
  std::vector<Line> lines;
  std::string line;
  while (reader.next(line)) lines.push_back({line, reader.line_number(), reader.line_offset()});
  return lines;
}

std::vector<Line> read_all(const std::string& text) {
  std::istringstream input(text);
  return read_all(input);
}

std::vector<Line> read_trickled(const std::string& text) {
  embedtool::testing::TrickleBuffer buffer(text);
  std::istream input(&buffer);
  return read_all(input);
}

std::vector<Line> read_unbuffered(const std::string& text) {
  embedtool::testing::UnbufferedBuffer buffer(text);
  std::istream input(&buffer);
  return read_all(input);
}

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(__FILE__).parent_path() / "../../fixtures/text" / name;
}

}  // namespace

TEST_CASE("LF, CRLF and lone CR all end a line, and offsets point at each line's start") {
  const std::string text = "a\nbc\r\nd\re";
  const std::vector<Line> expected = {{"a", 1, 0}, {"bc", 2, 2}, {"d", 3, 6}, {"e", 4, 8}};
  CHECK(read_all(text) == expected);
  // Byte by byte, every CR meets its LF only in the next read.
  CHECK(read_trickled(text) == expected);
  CHECK(read_unbuffered(text) == expected);
}

TEST_CASE("empty lines are kept; a final line end does not start another line") {
  CHECK(read_all("") == std::vector<Line>{});
  CHECK(read_all("\n") == std::vector<Line>{{"", 1, 0}});
  CHECK(read_all("a\n") == std::vector<Line>{{"a", 1, 0}});
  CHECK(read_all("\n\n") == std::vector<Line>{{"", 1, 0}, {"", 2, 1}});
  CHECK(read_all("\r\n\r\n") == std::vector<Line>{{"", 1, 0}, {"", 2, 2}});
  CHECK(read_all("\r\r") == std::vector<Line>{{"", 1, 0}, {"", 2, 1}});
  CHECK(read_all("\n\r") == std::vector<Line>{{"", 1, 0}, {"", 2, 1}});
  CHECK(read_trickled("x\r\r\ny") == std::vector<Line>{{"x", 1, 0}, {"", 2, 2}, {"y", 3, 4}});
}

TEST_CASE("a byte-order mark is dropped at the very start only") {
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(read_all(bom + "hello\nworld") == std::vector<Line>{{"hello", 1, 3}, {"world", 2, 9}});
  CHECK(read_trickled(bom + "hello") == std::vector<Line>{{"hello", 1, 3}});
  CHECK(read_unbuffered(bom + "\nx") == std::vector<Line>{{"", 1, 3}, {"x", 2, 4}});
  CHECK(read_all(bom) == std::vector<Line>{});
  CHECK(read_all(bom + bom + "x") == std::vector<Line>{{bom + "x", 1, 3}});
  CHECK(read_all("a\n" + bom + "b") == std::vector<Line>{{"a", 1, 0}, {bom + "b", 2, 2}});
  // Only a whole BOM is one: its first two bytes are ordinary (if invalid) text.
  CHECK(read_all("\xEF\xBB") == std::vector<Line>{{"\xEF\xBB", 1, 0}});
  CHECK(read_all("\xEF\xBBx") == std::vector<Line>{{"\xEF\xBBx", 1, 0}});
}

TEST_CASE("an interactive line is returned without waiting for more input") {
  for (const bool buffered : {true, false}) {
    CAPTURE(buffered);
    embedtool::testing::TerminalBuffer buffer("hi\nsecond\n", buffered);
    std::istream input(&buffer);
    LineReader reader(input, "<stdin>");
    std::string line;
    REQUIRE(reader.next(line));
    CHECK(line == "hi");
    REQUIRE(reader.next(line));
    CHECK(line == "second");
    // Only now does the reader have to ask for more.
    CHECK_THROWS_AS(reader.next(line), embedtool::Error);
  }
}

TEST_CASE("a 100 MB line without a line end is returned whole") {
  constexpr std::uint64_t kSize = 100ull << 20;
  embedtool::testing::GeneratedBuffer buffer(kSize, 'x', "y\r\nnext");
  std::istream input(&buffer);
  LineReader reader(input, "huge");
  std::string line;
  REQUIRE(reader.next(line));
  CHECK(line.size() == kSize + 1);
  CHECK(line.front() == 'x');
  CHECK(line.back() == 'y');
  CHECK(line.find_first_not_of('x') == kSize);
  REQUIRE(reader.next(line));
  CHECK(line == "next");
  CHECK(reader.line_number() == 2);
  CHECK(reader.line_offset() == kSize + 3);
  CHECK_FALSE(reader.next(line));
}

TEST_CASE("lines longer than a read block, with CRLF across block ends") {
  std::string text;
  std::vector<Line> expected;
  for (int k = 0; k < 5; ++k) {
    const std::string line(700'000 + k, static_cast<char>('a' + k));
    expected.push_back({line, static_cast<std::uint64_t>(k + 1), text.size()});
    text += line + "\r\n";
  }
  CHECK(read_all(text) == expected);
}

TEST_CASE("a file with a BOM and mixed line ends, read through std::ifstream") {
  std::ifstream input(fixture("bom_mixed_line_ends.txt"), std::ios::binary);
  REQUIRE(input.is_open());
  const std::vector<Line> expected = {{"H\xC3\xA9llo World", 1, 3},
                                      {"second line", 2, 17},
                                      {"third", 3, 29},
                                      {"", 4, 35},
                                      {"last line, no line end", 5, 36}};
  CHECK(read_all(input) == expected);
}

TEST_CASE("a stream with exceptions enabled is read to its end without throwing") {
  std::istringstream input("a\nb");
  input.exceptions(std::ios::failbit | std::ios::badbit);
  CHECK(read_all(input) == std::vector<Line>{{"a", 1, 0}, {"b", 2, 2}});
}

TEST_CASE("read failures are embedtool::Error naming the source and byte") {
  SUBCASE("a device error mid-stream") {
    embedtool::testing::FailingBuffer buffer("first\nsecond");
    std::istream input(&buffer);
    LineReader reader(input, "disk.txt");
    std::string line;
    REQUIRE(reader.next(line));
    CHECK(line == "first");
    CHECK_THROWS_WITH_AS(reader.next(line), "read error (disk.txt: byte 12)", embedtool::Error);
  }
  SUBCASE("a file that could not be opened") {
    std::ifstream input(fixture("no-such-file.txt"));
    LineReader reader(input, "no-such-file.txt");
    std::string line;
    CHECK_THROWS_WITH_AS(reader.next(line), "cannot read input (no-such-file.txt)",
                         embedtool::Error);
  }
}
