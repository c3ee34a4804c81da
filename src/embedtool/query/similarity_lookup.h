#pragma once
// `lookup --similarity`: the cosine similarity of word pairs, taken two by two from the
// arguments, or one pair per line of standard input. Only the rows asked for are read (they come
// through a function), so an .emb model is mapped, not loaded.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "embedtool/query/oov_policy.h"
#include "embedtool/query/query_problem.h"
#include "embedtool/query/query_resolver.h"

namespace embedtool {

using WordPairQuery = std::pair<std::string, std::string>;

// Throws UsageError when the arguments (`words` of them in all) do not make pairs. Checked
// before the model is opened.
void check_similarity_arguments(std::size_t words);

// The pairs of one query line: the arguments (line 0) two by two; a line of standard input
// (numbered from 1) must hold one pair or nothing, or its problem, a failure, is added.
std::vector<WordPairQuery> similarity_pairs(std::span<const std::string> tokens,
                                            std::uint64_t line, std::vector<QueryProblem>& problems);

class SimilarityLookup {
 public:
  using RowOf = std::function<Eigen::RowVectorXf(WordId)>;
  using SubwordOf = std::function<std::optional<Eigen::RowVectorXf>(std::string_view)>;

  // Keeps a reference to `resolver`, which must outlive this. `subword_of` gives unknown words
  // their n-gram vectors under OovPolicy::subword (row_lookup.h).
  SimilarityLookup(const QueryResolver& resolver, RowOf row_of, OovPolicy policy,
                   SubwordOf subword_of = {});

  // The cosine of the pair's rows, or nullopt after adding the problem of each word that has
  // none (both are named, so one run shows every unknown word).
  std::optional<float> similarity(const WordPairQuery& pair,
                                  std::vector<QueryProblem>& problems) const;

 private:
  const QueryResolver& resolver_;
  // The vector of one query word, or nullopt after adding its problem.
  std::optional<Eigen::RowVectorXf> vector_of(const std::string& word,
                                              std::vector<QueryProblem>& problems) const;

  RowOf row_of_;
  SubwordOf subword_of_;
  OovPolicy policy_;
};

}  // namespace embedtool
