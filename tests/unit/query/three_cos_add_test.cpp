// The query vector of `a - b + c`: signed unit vectors, so that a long row does not outweigh the
// others, and the expression's own words left out of the answers.
#include "embedtool/query/three_cos_add.h"

#include <doctest/doctest.h>

#include <variant>
#include <vector>

#include "lookup_test_support.h"

using namespace embedtool;
using embedtool::lookup_test::TestTable;

namespace {
std::vector<ExpressionTerm> terms_of(std::vector<std::string> tokens) {
  return parse_vector_expression(tokens);
}
}  // namespace

TEST_CASE("the target is the sum of the signed unit vectors of the words") {
  const TestTable table;  // cat (3, 4), dog (0, 5), <unk> (0, -2)
  const NearestIndex index(table.vectors);
  const QueryResolver resolver = table.resolver();
  const auto query = three_cos_add_query(terms_of({"cat", "-", "dog"}), resolver, index);
  REQUIRE(std::holds_alternative<NearestQuery>(query));
  const NearestQuery& asked = std::get<NearestQuery>(query);
  // (0.6, 0.8) - (0, 1): the lengths 5 and 5 play no part.
  CHECK(asked.vector[0] == doctest::Approx(0.6));
  CHECK(asked.vector[1] == doctest::Approx(-0.2));
  CHECK(asked.exclude == std::vector<WordId>{2, 3});
}

TEST_CASE("a leading minus and a word given twice count each time") {
  const TestTable table;
  const NearestIndex index(table.vectors);
  const QueryResolver resolver = table.resolver();
  const auto query = three_cos_add_query(terms_of({"-", "dog", "+", "dog", "+", "cat"}), resolver, index);
  const NearestQuery& asked = std::get<NearestQuery>(query);
  CHECK(asked.vector[0] == doctest::Approx(0.6));
  CHECK(asked.vector[1] == doctest::Approx(0.8));
  CHECK(asked.exclude == std::vector<WordId>{3, 3, 2});
}

TEST_CASE("one word is a query for its own unit vector") {
  const TestTable table;
  const NearestIndex index(table.vectors);
  const QueryResolver resolver = table.resolver();
  const auto query = three_cos_add_query(terms_of({"dog"}), resolver, index);
  const NearestQuery& asked = std::get<NearestQuery>(query);
  CHECK(asked.vector == Eigen::Vector2f(0, 1));
  CHECK(asked.exclude == std::vector<WordId>{3});
}

TEST_CASE("the first word without a row is the problem") {
  const TestTable table;
  const NearestIndex index(table.vectors);
  const QueryResolver resolver = table.resolver();
  const auto query = three_cos_add_query(terms_of({"cat", "-", "emu", "+", "gnu"}), resolver, index);
  REQUIRE(std::holds_alternative<std::string>(query));
  CHECK(std::get<std::string>(query) == "unknown word \"emu\" (not in the vocabulary of test.emb)");
}
