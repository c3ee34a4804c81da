// The rows of `lookup WORD...` under each --oov policy, labelled so that each row can be matched
// to its query.
#include "embedtool/query/row_lookup.h"

#include <doctest/doctest.h>

#include "lookup_test_support.h"

using namespace embedtool;
using embedtool::lookup_test::TestTable;

namespace {

RowLookup lookup_of(const TestTable& table, const QueryResolver& resolver, OovPolicy policy,
                    bool normalize = false) {
  return RowLookup(resolver, table.row_of(), table.word_of(), 2, policy, normalize);
}

const LookupRow& row_of(const std::variant<LookupRow, QueryProblem>& found) {
  REQUIRE(std::holds_alternative<LookupRow>(found));
  return std::get<LookupRow>(found);
}

const QueryProblem& problem_of(const std::variant<LookupRow, QueryProblem>& found) {
  REQUIRE(std::holds_alternative<QueryProblem>(found));
  return std::get<QueryProblem>(found);
}

}  // namespace

TEST_CASE("a known word gives its row, labelled with the query") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  for (const OovPolicy policy : {OovPolicy::error, OovPolicy::skip, OovPolicy::zero, OovPolicy::unk}) {
    const LookupRow row = row_of(lookup_of(table, resolver, policy).find("dog"));
    CHECK(row.label == "dog");
    CHECK(row.id == WordId{3});
    CHECK(row.vector == Eigen::RowVector2f(0, 5));
  }
}

TEST_CASE("--oov error: an unknown word is a failure; --oov skip: a warning. Neither gives a row") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  const QueryProblem failed = problem_of(lookup_of(table, resolver, OovPolicy::error).find("emu"));
  CHECK(failed.failure);
  CHECK(failed.message == "unknown word \"emu\" (not in the vocabulary of test.emb)");
  const QueryProblem skipped = problem_of(lookup_of(table, resolver, OovPolicy::skip).find("emu"));
  CHECK_FALSE(skipped.failure);
  CHECK(skipped.message == "skipped unknown word \"emu\" (not in the vocabulary of test.emb)");
}

TEST_CASE("--oov zero: an unknown word gives a zero row with no id") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  const LookupRow row = row_of(lookup_of(table, resolver, OovPolicy::zero).find("emu"));
  CHECK(row.label == "emu");
  CHECK_FALSE(row.id);
  CHECK(row.vector == Eigen::RowVector2f(0, 0));
  SUBCASE("and stays zero when rows are normalized") {
    CHECK(row_of(lookup_of(table, resolver, OovPolicy::zero, true).find("emu")).vector.isZero(0));
  }
}

TEST_CASE("--oov unk: an unknown word gives the row of <unk>, labelled with the query") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  const LookupRow row = row_of(lookup_of(table, resolver, OovPolicy::unk).find("emu"));
  CHECK(row.label == "emu");
  CHECK(row.id == kUnknownId);
  CHECK(row.vector == Eigen::RowVector2f(0, -2));
}

TEST_CASE("--normalize scales the row to unit length") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  const LookupRow row = row_of(lookup_of(table, resolver, OovPolicy::error, true).find("cat"));
  CHECK(row.vector[0] == doctest::Approx(0.6));
  CHECK(row.vector[1] == doctest::Approx(0.8));
  const LookupRow unk = row_of(lookup_of(table, resolver, OovPolicy::unk, true).find("emu"));
  CHECK(unk.vector == Eigen::RowVector2f(0, -1));
}

TEST_CASE("--ids: rows are labelled with their word, and a bad id fails whatever the policy") {
  const TestTable table;
  const QueryResolver resolver = table.resolver(true);
  const LookupRow row = row_of(lookup_of(table, resolver, OovPolicy::error).find("2"));
  CHECK(row.label == "cat");
  CHECK(row.id == WordId{2});
  CHECK(row_of(lookup_of(table, resolver, OovPolicy::error).find("1")).label == "<unk>");
  for (const OovPolicy policy : {OovPolicy::skip, OovPolicy::zero, OovPolicy::unk}) {
    const QueryProblem problem = problem_of(lookup_of(table, resolver, policy).find("7"));
    CHECK(problem.failure);
    CHECK(problem.message == "id 7 is out of range: test.emb has ids 0 to 4");
  }
}
