// LineReader::line_ready: whether the next line has already been read, so that a caller
// answering lines can hold its output while more are queued and flush only when input runs dry.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "embedtool/text/line_reader.h"
#include "test_streams.h"

using embedtool::LineReader;

TEST_CASE("line_ready is true while complete lines wait in what was read") {
  std::istringstream input("a\nb\n\nc");
  LineReader reader(input, "test");
  std::string line;
  CHECK_FALSE(reader.line_ready());  // nothing read yet
  REQUIRE(reader.next(line));
  CHECK(reader.line_ready());  // "b"
  REQUIRE(reader.next(line));
  CHECK(reader.line_ready());  // the empty line
  REQUIRE(reader.next(line));
  // "c" has no line end yet, and whether more of it follows is only known by reading on.
  CHECK_FALSE(reader.line_ready());
  REQUIRE(reader.next(line));
  CHECK(line == "c");
  CHECK_FALSE(reader.line_ready());
  CHECK_FALSE(reader.next(line));
  CHECK_FALSE(reader.line_ready());
}

TEST_CASE("the LF of a CRLF is not a line of its own, a second CR is") {
  std::istringstream crlf("a\r\n");
  LineReader reader(crlf, "test");
  std::string line;
  REQUIRE(reader.next(line));
  CHECK_FALSE(reader.line_ready());
  CHECK_FALSE(reader.next(line));

  std::istringstream cr_crlf("a\r\r\n");
  LineReader second(cr_crlf, "test");
  REQUIRE(second.next(line));
  CHECK(second.line_ready());
  REQUIRE(second.next(line));
  CHECK(line.empty());
  CHECK_FALSE(second.line_ready());
}

TEST_CASE("line_ready never waits for input") {
  // The terminal throws if asked for more than was typed: line_ready must not ask.
  embedtool::testing::TerminalBuffer buffer("hi\nsecond\n", true);
  std::istream input(&buffer);
  LineReader reader(input, "<stdin>");
  std::string line;
  REQUIRE(reader.next(line));
  CHECK(reader.line_ready());  // both lines came in one read
  REQUIRE(reader.next(line));
  CHECK(line == "second");
  CHECK_FALSE(reader.line_ready());
}
