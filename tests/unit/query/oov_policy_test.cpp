// Which unanswered queries are warnings (skipped on purpose) and which make lookup fail.
#include "embedtool/query/oov_policy.h"

#include <doctest/doctest.h>

using namespace embedtool;

namespace {
const ResolvedQuery kUnknownWord{std::nullopt, "unknown word \"x\"", true};
const ResolvedQuery kBadId{std::nullopt, "not an id: \"x\"", false};
}  // namespace

TEST_CASE("vectors: skip turns an unknown word into a warning that says it was skipped") {
  const QueryProblem problem = vector_query_problem(kUnknownWord, OovPolicy::skip);
  CHECK_FALSE(problem.failure);
  CHECK(problem.message == "skipped unknown word \"x\"");
}

TEST_CASE("vectors: an unknown word fails under error, and a bad id fails under every policy") {
  const QueryProblem unknown = vector_query_problem(kUnknownWord, OovPolicy::error);
  CHECK(unknown.failure);
  CHECK(unknown.message == "unknown word \"x\"");
  for (const OovPolicy policy : {OovPolicy::error, OovPolicy::skip, OovPolicy::zero, OovPolicy::unk}) {
    const QueryProblem bad_id = vector_query_problem(kBadId, policy);
    CHECK(bad_id.failure);
    CHECK(bad_id.message == "not an id: \"x\"");
  }
}

TEST_CASE("scores: skip passes over any unanswerable query, error fails it") {
  const QueryProblem skipped = scored_query_problem("id 9 is out of range", OovPolicy::skip);
  CHECK_FALSE(skipped.failure);
  CHECK(skipped.message == "skipped id 9 is out of range");
  const QueryProblem failed = scored_query_problem("id 9 is out of range", OovPolicy::error);
  CHECK(failed.failure);
  CHECK(failed.message == "id 9 is out of range");
}
