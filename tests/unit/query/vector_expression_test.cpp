#include "embedtool/query/vector_expression.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embedtool/errors.h"

using embedtool::ExpressionTerm;
using embedtool::expression_text;
using embedtool::is_vector_expression;
using embedtool::parse_vector_expression;

namespace {
std::vector<ExpressionTerm> parse(std::vector<std::string> tokens) {
  return parse_vector_expression(tokens);
}
}  // namespace

TEST_CASE("an expression is words joined by separate + and - tokens") {
  const std::vector<std::string> analogy = {"king", "-", "man", "+", "woman"};
  CHECK(is_vector_expression(analogy));
  const auto terms = parse_vector_expression(analogy);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].word == "king");
  CHECK(terms[0].sign == 1);
  CHECK(terms[1].word == "man");
  CHECK(terms[1].sign == -1);
  CHECK(terms[2].word == "woman");
  CHECK(terms[2].sign == 1);
  CHECK(expression_text(terms) == "king - man + woman");
}

TEST_CASE("words containing - or + are words, not operators") {
  const std::vector<std::string> words = {"well-known", "c++"};
  CHECK_FALSE(is_vector_expression(words));
  CHECK(parse({"well-known", "+", "c++"}).size() == 2);
}

TEST_CASE("a leading sign applies to the first word") {
  const auto terms = parse({"-", "cold", "+", "hot"});
  REQUIRE(terms.size() == 2);
  CHECK(terms[0].sign == -1);
  CHECK(expression_text(terms) == "-cold + hot");
}

TEST_CASE("malformed expressions say what is missing") {
  CHECK_THROWS_WITH_AS(parse({"king", "-"}), doctest::Contains("missing after the last operator"),
                       embedtool::Error);
  CHECK_THROWS_WITH_AS(parse({"king", "-", "-", "man"}), doctest::Contains("two operators"),
                       embedtool::Error);
  CHECK_THROWS_WITH_AS(parse({"+"}), doctest::Contains("no word"), embedtool::Error);
  CHECK_THROWS_WITH_AS(parse({}), doctest::Contains("no word"), embedtool::Error);
  CHECK_THROWS_WITH_AS(parse({"king", "man", "+", "woman"}),
                       doctest::Contains("no + or - between \"king\" and \"man\""),
                       embedtool::Error);
}
