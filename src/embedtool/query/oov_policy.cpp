#include "embedtool/query/oov_policy.h"

#include <utility>

namespace embedtool {

namespace {

QueryProblem skipped(const std::string& problem) { return {"skipped " + problem, false}; }

}  // namespace

QueryProblem vector_query_problem(const ResolvedQuery& resolved, OovPolicy policy) {
  if (resolved.out_of_vocabulary && policy == OovPolicy::skip) return skipped(resolved.problem);
  return {resolved.problem, true};
}

QueryProblem scored_query_problem(std::string problem, OovPolicy policy) {
  if (policy == OovPolicy::skip) return skipped(problem);
  return {std::move(problem), true};
}

}  // namespace embedtool
