#include "embedtool/query/nearest_lookup.h"

#include <utility>
#include <variant>

#include "embedtool/errors.h"
#include "embedtool/storage/model_vector_table.h"
#include "embedtool/query/three_cos_add.h"
#include "embedtool/query/vector_expression.h"

namespace embedtool {

NearestLookup::NearestLookup(const VectorTable& table, std::string model_name, bool by_id,
                             std::size_t k, OovPolicy policy, unsigned threads, const AnnSearch* ann,
                             std::size_t ef)
    : table_(&table),
      // Through an index, the exact search only gives expressions their rows' unit vectors: it
      // must not ask for the whole matrix to be read ahead.
      search_(ann != nullptr ? ann->rows() : table.stored_rows(), threads),
      ann_(ann),
      ef_(ann != nullptr && ef == 0 ? ann->default_ef() : ef),
      resolver_([this](std::string_view word) { return table_->id_of(word); }, table.rows(),
                std::move(model_name), by_id),
      k_(k),
      policy_(policy) {}

namespace {
std::unique_ptr<VectorTable> table_in_memory(Vocabulary vocabulary, Matrix vectors) {
  EmbeddingModel model;
  model.vocabulary = std::move(vocabulary);
  model.vectors = std::move(vectors);
  return std::make_unique<ModelVectorTable>(std::move(model));
}
}  // namespace

NearestLookup::NearestLookup(Vocabulary vocabulary, Matrix vectors, std::string model_name,
                             bool by_id, std::size_t k, OovPolicy policy)
    : owned_(table_in_memory(std::move(vocabulary), std::move(vectors))),
      table_(owned_.get()),
      search_(table_->stored_rows()),
      resolver_([this](std::string_view word) { return table_->id_of(word); }, table_->rows(),
                std::move(model_name), by_id),
      k_(k),
      policy_(policy) {}

bool NearestLookup::add_line(std::span<const std::string> tokens, bool more_ready,
                             std::vector<QueryProblem>& problems) {
  if (is_vector_expression(tokens)) {
    add_expression(tokens, problems);
  } else {
    // One query per word; an empty line asks nothing but may still end a group.
    for (const std::string& token : tokens) add_expression({&token, 1}, problems);
  }
  return !more_ready || labels_.size() >= kMaxPending;
}

void NearestLookup::add_expression(std::span<const std::string> tokens,
                                   std::vector<QueryProblem>& problems) {
  std::vector<ExpressionTerm> terms;
  try {
    terms = parse_vector_expression(tokens);
  } catch (const Error& error) {
    problems.push_back(scored_query_problem(error.what(), policy_));
    return;
  }
  if (add_subword_query(terms)) return;
  auto query = three_cos_add_query(terms, resolver_, search_);
  if (auto* problem = std::get_if<std::string>(&query)) {
    problems.push_back(scored_query_problem(std::move(*problem), policy_));
    return;
  }
  NearestQuery& asked = std::get<NearestQuery>(query);
  labels_.push_back(resolver_.by_id() && terms.size() == 1
                        ? std::string(table_->word(asked.exclude.front()))
                        : expression_text(terms));
  queries_.push_back(std::move(asked));
}

bool NearestLookup::add_subword_query(const std::vector<ExpressionTerm>& terms) {
  if (terms.size() != 1 || policy_ != OovPolicy::subword || !table_->has_subwords()) return false;
  const ResolvedQuery resolved = resolver_.resolve(terms.front().word);
  if (!resolved.out_of_vocabulary) return false;
  std::optional<Eigen::RowVectorXf> vector = table_->subword_vector(terms.front().word);
  if (!vector) return false;
  // The word is in no row, so there is nothing to leave out of its answers.
  labels_.push_back(expression_text(terms));
  queries_.push_back({vector->transpose() * static_cast<float>(terms.front().sign), {}});
  return true;
}

std::vector<NearestAnswer> NearestLookup::answer_pending() {
  std::vector<NearestAnswer> answers;
  if (queries_.empty()) return answers;
  std::vector<std::vector<Neighbour>> neighbours =
      ann_ != nullptr ? ann_->nearest(queries_, k_, ef_) : search_.nearest(queries_, k_);
  answers.reserve(neighbours.size());
  for (std::size_t q = 0; q < neighbours.size(); ++q) {
    const bool zero = queries_[q].vector.isZero(0.0F);
    answers.push_back({std::move(labels_[q]), std::move(neighbours[q]), zero});
  }
  labels_.clear();
  queries_.clear();
  return answers;
}

}  // namespace embedtool
