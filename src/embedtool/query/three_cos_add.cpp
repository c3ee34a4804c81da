#include "embedtool/query/three_cos_add.h"

namespace embedtool {

namespace {
// `Rows` has dims() and unit_row(id): NearestIndex or ExactSearch.
template <typename Rows>
std::variant<NearestQuery, std::string> sum_of_unit_rows(std::span<const ExpressionTerm> terms,
                                                         const QueryResolver& resolver,
                                                         const Rows& index) {
  NearestQuery query{Eigen::VectorXf::Zero(index.dims()), {}};
  for (const ExpressionTerm& term : terms) {
    const ResolvedQuery resolved = resolver.resolve(term.word);
    if (!resolved.id) return resolved.problem;
    query.vector += static_cast<float>(term.sign) * index.unit_row(*resolved.id);
    query.exclude.push_back(*resolved.id);
  }
  return query;
}

}  // namespace

std::variant<NearestQuery, std::string> three_cos_add_query(std::span<const ExpressionTerm> terms,
                                                            const QueryResolver& resolver,
                                                            const NearestIndex& index) {
  return sum_of_unit_rows(terms, resolver, index);
}

std::variant<NearestQuery, std::string> three_cos_add_query(std::span<const ExpressionTerm> terms,
                                                            const QueryResolver& resolver,
                                                            const ExactSearch& search) {
  return sum_of_unit_rows(terms, resolver, search);
}

}  // namespace embedtool
