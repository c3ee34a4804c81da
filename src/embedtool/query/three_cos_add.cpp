#include "embedtool/query/three_cos_add.h"

namespace embedtool {

std::variant<NearestQuery, std::string> three_cos_add_query(std::span<const ExpressionTerm> terms,
                                                            const QueryResolver& resolver,
                                                            const NearestIndex& index) {
  NearestQuery query{Eigen::VectorXf::Zero(index.dims()), {}};
  for (const ExpressionTerm& term : terms) {
    const ResolvedQuery resolved = resolver.resolve(term.word);
    if (!resolved.id) return resolved.problem;
    query.vector += static_cast<float>(term.sign) * index.unit_row(*resolved.id);
    query.exclude.push_back(*resolved.id);
  }
  return query;
}

}  // namespace embedtool
