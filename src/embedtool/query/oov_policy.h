#pragma once
// What lookup does with a query that has no row (--oov). Every policy but skip keeps one output
// row per input word, so rows never shift; skip says on stderr what it left out, because the
// rows after it move up.
#include <optional>
#include <string>

#include "embedtool/query/query_problem.h"
#include "embedtool/query/query_resolver.h"

namespace embedtool {

enum class OovPolicy {
  error,  // name the word, go on, exit 1 at the end
  skip,   // leave it out, with a warning
  zero,   // a zero vector in its place
  unk,    // the row of <unk> (id 1) in its place
  subword,  // the mean of the rows of its character n-grams, as fastText gives (models with
            // n-gram rows: a fastText .bin); the default for those models
};

// The policy a lookup uses: the one asked for, else subword for a model with n-gram rows and
// error for the others. Throws UsageError when subword is asked of a model without n-gram rows.
OovPolicy resolve_oov_policy(std::optional<OovPolicy> asked, bool model_has_subwords,
                             const std::string& model_name);

// For answers that are vectors: only a word the vocabulary lacks falls under the policy; a
// malformed or out-of-range id always fails (the user asked for a row that cannot exist).
// Call for queries without a row; zero, unk and subword never reach here (they give a row).
QueryProblem vector_query_problem(const ResolvedQuery& resolved, OovPolicy policy);

// For answers that are scores (neighbours, similarities), which have no zero or unk stand-in:
// skip passes over any query that cannot be answered, with a warning; error fails it.
QueryProblem scored_query_problem(std::string problem, OovPolicy policy);

}  // namespace embedtool
