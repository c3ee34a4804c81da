// The thread split of a text file: ranges aligned to line starts read every line exactly once,
// with the same line ends as LineReader, and long lines come in bounded pieces.
#include <doctest/doctest.h>

#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/line_range_reader.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;
constexpr std::uint64_t kToEnd = std::numeric_limits<std::uint64_t>::max();

struct Line {
  std::string text;
  std::uint64_t offset;
  bool operator==(const Line&) const = default;
};

// The lines of [begin, end), each reassembled from its pieces.
std::vector<Line> read_range(const std::string& path, std::uint64_t begin, std::uint64_t end,
                             std::size_t max_piece = LineRangeReader::kDefaultMaxPiece) {
  LineRangeReader reader(path, begin, end, max_piece);
  std::vector<Line> lines;
  LineRangeReader::Piece piece;
  bool continuing = false;
  while (reader.next(piece)) {
    if (!continuing) lines.push_back({"", piece.offset});
    lines.back().text += piece.text;
    continuing = !piece.ends_line;
  }
  return lines;
}

// What LineReader (the text layer's whole-line reader) makes of the same bytes.
std::vector<Line> reference_lines(const std::string& bytes) {
  std::istringstream stream(bytes);
  LineReader reader(stream, "test");
  std::vector<Line> lines;
  for (std::string line; reader.next(line);) lines.push_back({line, reader.line_offset()});
  return lines;
}

// Odd line lengths and every kind of line end, a BOM, empty lines, a CR right before a CRLF, and
// a last line without a line end.
const std::string kMixedText =
    "\xEF\xBB\xBF"
    "first line\n\nb\r\nccc\rdddd\r\r\nthe fifth one is longer than the others\n"
    "\n\n  spaced   out  \r\n\xC3\xA9t\xC3\xA9 \xE2\x82\xAC\nx\ry\nlast without end";

TEST_CASE("line ranges: one range reads the lines LineReader reads") {
  const TempTextFile file(kMixedText);
  CHECK(read_range(file.path(), 0, kToEnd) == reference_lines(kMixedText));
}

TEST_CASE("line ranges: split at every byte, two ranges together read every line exactly once") {
  const TempTextFile file(kMixedText);
  const auto expected = reference_lines(kMixedText);
  for (std::uint64_t boundary = 0; boundary <= kMixedText.size() + 1; ++boundary) {
    CAPTURE(boundary);
    auto lines = read_range(file.path(), 0, boundary);
    const auto rest = read_range(file.path(), boundary, kToEnd);
    // The second range starts at the first line start at or after the boundary.
    for (const Line& line : rest) CHECK(line.offset >= boundary);
    for (const Line& line : lines) CHECK(line.offset < boundary);
    lines.insert(lines.end(), rest.begin(), rest.end());
    CHECK(lines == expected);
  }
}

TEST_CASE("line ranges: split into 1 to 12 parts, the parts read every line exactly once") {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text +=
        std::string(static_cast<std::size_t>(i * 7 % 13), 'a' + i % 26) + (i % 3 ? "\n" : "\r\n");
  text += "tail";
  const TempTextFile file(text);
  const auto expected = reference_lines(text);
  for (std::size_t parts = 1; parts <= 12; ++parts) {
    CAPTURE(parts);
    const auto boundaries = split_into_ranges(text.size(), parts);
    REQUIRE(boundaries.size() == parts + 1);
    CHECK(boundaries.front() == 0);
    CHECK(boundaries.back() == text.size());
    std::vector<Line> lines;
    for (std::size_t i = 0; i < parts; ++i) {
      const auto part = read_range(file.path(), boundaries[i], boundaries[i + 1]);
      lines.insert(lines.end(), part.begin(), part.end());
    }
    CHECK(lines == expected);
  }
}

TEST_CASE("line ranges: long lines come in pieces cut after a separator, never inside a word") {
  const std::string text = "alpha beta\tgamma delta epsilon\nzeta eta\n";
  const TempTextFile file(text);
  LineRangeReader reader(file.path(), 0, kToEnd, 8);
  LineRangeReader::Piece piece;
  std::vector<std::string> pieces;
  std::string line;
  while (reader.next(piece)) {
    pieces.emplace_back(piece.text);
    CHECK(piece.text.size() <= 8);
    if (!piece.ends_line) {
      REQUIRE_FALSE(piece.text.empty());
      const char last = piece.text.back();
      CHECK((last == ' ' || last == '\t'));
    }
    line += piece.text;
    if (piece.ends_line) {
      CHECK(piece.line >= 1);
      line += '|';
    }
  }
  CHECK(line == "alpha beta\tgamma delta epsilon|zeta eta|");
  CHECK(pieces.size() > 3);
}

TEST_CASE("line ranges: a word longer than a piece is held whole, and the reader goes on") {
  const std::string word(100, 'w');
  const std::string text = "a " + word + " b\n" + word + "\nc";
  const TempTextFile file(text);
  const auto lines = read_range(file.path(), 0, kToEnd, 16);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "a " + word + " b");
  CHECK(lines[1].text == word);
  CHECK(lines[2].text == "c");
}

TEST_CASE("line ranges: rewind replays the range, and line numbers are known from byte 0") {
  const TempTextFile file("one\ntwo\nthree\n");
  LineRangeReader reader(file.path(), 0, kToEnd);
  LineRangeReader::Piece piece;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint64_t number = 1; number <= 3; ++number) {
      REQUIRE(reader.next(piece));
      CHECK(piece.line == number);
    }
    CHECK_FALSE(reader.next(piece));
    reader.rewind();
  }
  LineRangeReader later(file.path(), 5, kToEnd);
  REQUIRE(later.next(piece));
  CHECK(piece.text == "three");
  CHECK(piece.line == 0);  // unknown away from the start
  CHECK(piece.offset == 8);
}

TEST_CASE("line ranges: empty files and missing files") {
  const TempTextFile empty("");
  CHECK(read_range(empty.path(), 0, kToEnd).empty());
  CHECK_THROWS_WITH_AS(LineRangeReader("/no/such/corpus.txt", 0, kToEnd),
                       doctest::Contains("cannot open /no/such/corpus.txt"), Error);
}

}  // namespace
}  // namespace embedtool
