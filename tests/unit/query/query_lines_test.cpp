#include "embedtool/query/query_lines.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "text/test_streams.h"

using embedtool::QueryLine;

namespace {

std::vector<QueryLine> query_lines(const std::vector<std::string>& arguments,
                                   std::istream& input) {
  std::vector<QueryLine> lines;
  embedtool::for_each_query_line(arguments, input, "<stdin>",
                                 [&](const QueryLine& line) { lines.push_back(line); });
  return lines;
}

std::vector<QueryLine> query_lines(const std::string& text) {
  std::istringstream input(text);
  return query_lines({}, input);
}

using Tokens = std::vector<std::string>;

}  // namespace

TEST_CASE("the arguments are one query line, and the input is then left alone") {
  std::istringstream input("unread\n");
  const auto lines = query_lines({"king - man", "+ woman"}, input);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].tokens == Tokens{"king", "-", "man", "+", "woman"});
  CHECK(lines[0].number == 0);
  CHECK_FALSE(lines[0].more_ready);
  CHECK(input.tellg() == 0);
}

TEST_CASE("without arguments, each input line is a query line, numbered from 1") {
  const auto lines = query_lines("cat dog\n\n  bird\tfish \r\nlast");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].tokens == Tokens{"cat", "dog"});
  CHECK(lines[1].tokens.empty());
  CHECK(lines[2].tokens == Tokens{"bird", "fish"});
  CHECK(lines[3].tokens == Tokens{"last"});
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(lines[i].number == i + 1);
  // The next line is known to be there for the first two; "last" might still be growing.
  CHECK(lines[0].more_ready);
  CHECK(lines[1].more_ready);
  CHECK_FALSE(lines[2].more_ready);
  CHECK_FALSE(lines[3].more_ready);
}

TEST_CASE("query lines end as every text line does: a lone CR too, and a BOM is dropped") {
  const auto lines = query_lines("\xEF\xBB\xBF" "cat\rdog\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].tokens == Tokens{"cat"});
  CHECK(lines[1].tokens == Tokens{"dog"});
}

TEST_CASE("a line is answered as soon as it is read, before the input is asked for more") {
  // The terminal throws if asked for more than was typed.
  embedtool::testing::TerminalBuffer buffer("cat\n", true);
  std::istream input(&buffer);
  std::vector<QueryLine> lines;
  CHECK_THROWS_AS(embedtool::for_each_query_line(
                      {}, input, "<stdin>", [&](const QueryLine& line) { lines.push_back(line); }),
                  embedtool::Error);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].tokens == Tokens{"cat"});
  CHECK_FALSE(lines[0].more_ready);
}
