#pragma once
// The vectors of `lookup WORD...`: for each query, the row of E to print (labelled so that it can
// always be matched to its query), or the problem to report, with the --oov policy applied and
// --normalize honoured. The rows come through a function, so that a model mapped from an .emb
// file is read only where it is asked (the storage layer's VectorTable fits it).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <Eigen/Core>

#include "embedtool/query/oov_policy.h"
#include "embedtool/query/query_problem.h"
#include "embedtool/query/query_resolver.h"

namespace embedtool {

struct LookupRow {
  std::string label;          // the query word; with --ids, the word of the row
  std::optional<WordId> id;   // nullopt for the vectors of --oov zero and subword
  Eigen::RowVectorXf vector;  // unit length with --normalize (a zero row stays zero)
};

class RowLookup {
 public:
  using RowOf = std::function<Eigen::RowVectorXf(WordId)>;
  using WordOf = std::function<std::string_view(WordId)>;
  // The vector of a word the vocabulary lacks, from its character n-grams (VectorTable::
  // subword_vector), or nullopt if the model has none.
  using SubwordOf = std::function<std::optional<Eigen::RowVectorXf>(std::string_view)>;

  // Keeps a reference to `resolver`, which must outlive this. `dims` is the length of a row.
  // `subword_of` serves OovPolicy::subword.
  RowLookup(const QueryResolver& resolver, RowOf row_of, WordOf word_of, std::uint64_t dims,
            OovPolicy policy, bool normalize, SubwordOf subword_of = {});

  std::variant<LookupRow, QueryProblem> find(const std::string& query) const;

 private:
  LookupRow make_row(std::string label, std::optional<WordId> id, Eigen::RowVectorXf vector) const;

  const QueryResolver& resolver_;
  RowOf row_of_;
  WordOf word_of_;
  SubwordOf subword_of_;
  Eigen::Index dims_;
  OovPolicy policy_;
  bool normalize_;
};

}  // namespace embedtool
