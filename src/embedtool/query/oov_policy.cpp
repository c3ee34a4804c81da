#include "embedtool/query/oov_policy.h"

#include <utility>

#include "embedtool/errors.h"

namespace embedtool {

namespace {

QueryProblem skipped(const std::string& problem) { return {"skipped " + problem, false}; }

}  // namespace

OovPolicy resolve_oov_policy(std::optional<OovPolicy> asked, bool model_has_subwords,
                             const std::string& model_name) {
  if (asked == OovPolicy::subword && !model_has_subwords) {
    throw UsageError("--oov subword needs a model with character n-gram rows (a fastText .bin "
                     "trained with -maxn > 0); " + model_name + " has none");
  }
  if (asked) return *asked;
  return model_has_subwords ? OovPolicy::subword : OovPolicy::error;
}

QueryProblem vector_query_problem(const ResolvedQuery& resolved, OovPolicy policy) {
  if (resolved.out_of_vocabulary && policy == OovPolicy::skip) return skipped(resolved.problem);
  return {resolved.problem, true};
}

QueryProblem scored_query_problem(std::string problem, OovPolicy policy) {
  if (policy == OovPolicy::skip) return skipped(problem);
  return {std::move(problem), true};
}

}  // namespace embedtool
