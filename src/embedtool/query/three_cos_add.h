#pragma once
// The query vector of a nearest-neighbour expression such as `king - man + woman`, by 3CosAdd
// (word2vec's analogies, gensim's most_similar): the sum of the signed unit vectors of the
// words. Unit vectors, so that a frequent word's long vector does not outweigh the others. The
// words of the expression are left out of its answers: `king - man + woman` would otherwise
// mostly answer `king`.
#include <span>
#include <string>
#include <variant>

#include "embedtool/query/exact_search.h"
#include "embedtool/query/nearest.h"
#include "embedtool/query/query_resolver.h"
#include "embedtool/query/vector_expression.h"

namespace embedtool {

// The query for `terms` (one term is a plain word query), or the problem of the first word that
// has no row.
std::variant<NearestQuery, std::string> three_cos_add_query(std::span<const ExpressionTerm> terms,
                                                            const QueryResolver& resolver,
                                                            const NearestIndex& index);
// The same over rows read in place.
std::variant<NearestQuery, std::string> three_cos_add_query(std::span<const ExpressionTerm> terms,
                                                            const QueryResolver& resolver,
                                                            const ExactSearch& search);

}  // namespace embedtool
