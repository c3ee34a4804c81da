#include "embedtool/query/row_lookup.h"

#include <utility>

#include "embedtool/query/unit_length.h"

namespace embedtool {

RowLookup::RowLookup(const QueryResolver& resolver, RowOf row_of, WordOf word_of,
                     std::uint64_t dims, OovPolicy policy, bool normalize, SubwordOf subword_of)
    : resolver_(resolver),
      row_of_(std::move(row_of)),
      word_of_(std::move(word_of)),
      subword_of_(std::move(subword_of)),
      dims_(static_cast<Eigen::Index>(dims)),
      policy_(policy),
      normalize_(normalize) {}

std::variant<LookupRow, QueryProblem> RowLookup::find(const std::string& query) const {
  const ResolvedQuery resolved = resolver_.resolve(query);
  if (resolved.id) {
    // An id says little to a reader: label the row with its word instead.
    std::string label = resolver_.by_id() ? std::string(word_of_(*resolved.id)) : query;
    return make_row(std::move(label), resolved.id, row_of_(*resolved.id));
  }
  if (resolved.out_of_vocabulary && policy_ == OovPolicy::zero) {
    return make_row(query, std::nullopt, Eigen::RowVectorXf::Zero(dims_));
  }
  if (resolved.out_of_vocabulary && policy_ == OovPolicy::subword && subword_of_) {
    if (std::optional<Eigen::RowVectorXf> vector = subword_of_(query)) {
      return make_row(query, std::nullopt, std::move(*vector));
    }
  }
  if (resolved.out_of_vocabulary && policy_ == OovPolicy::unk) {
    return make_row(query, kUnknownId, row_of_(kUnknownId));
  }
  return vector_query_problem(resolved, policy_);
}

LookupRow RowLookup::make_row(std::string label, std::optional<WordId> id,
                              Eigen::RowVectorXf vector) const {
  if (normalize_) scale_to_unit_length(vector);
  return {std::move(label), id, std::move(vector)};
}

}  // namespace embedtool
