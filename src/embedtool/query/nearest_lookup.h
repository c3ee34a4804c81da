#pragma once
// `lookup --nearest K`: the K rows of E nearest by cosine to each query, a line of input at a
// time. A line with an operator is one expression (`king - man + woman`, three_cos_add.h); a line
// of plain words asks for the neighbours of each word.
//
// The rows are searched where they are stored (ExactSearch: a mapped .emb file is read in place,
// in one pass, with nothing loaded or normalized first), or, when given the model's ANN index,
// through its graph (AnnSearch: a few thousand rows a query). Queries are held back and answered
// together by one pass (which reads the matrix once for the group instead of once per query),
// but never for long: the group is
// answered when the input runs dry (so an interactive user or a coprocess gets its answer at
// once) or when it reaches kMaxPending queries.
#include <cstddef>
#include <optional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/query/ann_search.h"
#include "embedtool/query/exact_search.h"
#include "embedtool/query/nearest.h"
#include "embedtool/query/oov_policy.h"
#include "embedtool/query/query_problem.h"
#include "embedtool/query/query_resolver.h"
#include "embedtool/query/vector_expression.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool {

struct NearestAnswer {
  std::string label;  // the query as printed: the word, the row's word with --ids, or the expression
  std::vector<Neighbour> neighbours;  // best first
  bool zero_query = false;  // its vector is zero: it has no direction, so no neighbours
};

class NearestLookup {
 public:
  // Enough to read the matrix once for many queries, few enough that the first answer is not
  // held back for long.
  static constexpr std::size_t kMaxPending = 256;

  // Searches `table` (a mapped .emb file or a model in memory), which must outlive this;
  // `model_name` names the model in messages. threads = 0: one per core.
  // With `ann` (an index of `table`'s rows, which must outlive this), queries are answered
  // through it with a beam of `ef` (0: the index's own default) instead of by a pass over every
  // row.
  NearestLookup(const VectorTable& table, std::string model_name, bool by_id, std::size_t k,
                OovPolicy policy, unsigned threads = 0, const AnnSearch* ann = nullptr,
                std::size_t ef = 0);
  // A model held in memory (tests, small models).
  NearestLookup(Vocabulary vocabulary, Matrix vectors, std::string model_name, bool by_id,
                std::size_t k, OovPolicy policy);
  NearestLookup(const NearestLookup&) = delete;  // the resolver refers to the vocabulary
  NearestLookup& operator=(const NearestLookup&) = delete;

  // Queues the queries of one input line; returns the problems of those that cannot be asked, in
  // order. `more_ready`: another line has already arrived, so the answers may wait for it.
  // Returns true when the pending queries should be answered now.
  bool add_line(std::span<const std::string> tokens, bool more_ready,
                std::vector<QueryProblem>& problems);

  // The answers to every pending query, in the order they were added; empties the queue.
  std::vector<NearestAnswer> answer_pending();

  std::size_t pending() const { return labels_.size(); }
  // Names the neighbours' rows.
  const VectorTable& table() const { return *table_; }
  bool has_stored_norms() const { return search_.has_stored_norms(); }
  bool approximate() const { return ann_ != nullptr; }

 private:
  void add_expression(std::span<const std::string> tokens, std::vector<QueryProblem>& problems);
  // Queues the n-gram vector of a lone unknown word (OovPolicy::subword, a table with n-gram
  // rows); false if that does not apply.
  bool add_subword_query(const std::vector<ExpressionTerm>& terms);

  std::unique_ptr<VectorTable> owned_;  // the in-memory model, if given one
  const VectorTable* table_;
  ExactSearch search_;
  const AnnSearch* ann_ = nullptr;
  std::size_t ef_ = 0;
  QueryResolver resolver_;
  std::size_t k_;
  OovPolicy policy_;
  std::vector<std::string> labels_;  // of the pending queries
  std::vector<NearestQuery> queries_;
};

}  // namespace embedtool
