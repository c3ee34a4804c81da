#include "embedtool/query/similarity_lookup.h"

#include "embedtool/errors.h"
#include "embedtool/query/cosine.h"

namespace embedtool {

void check_similarity_arguments(std::size_t words) {
  if (words % 2 != 0) {
    throw UsageError("--similarity takes words in pairs: " + std::to_string(words) +
                     " words given");
  }
}

std::vector<WordPairQuery> similarity_pairs(std::span<const std::string> tokens,
                                            std::uint64_t line, std::vector<QueryProblem>& problems) {
  std::vector<WordPairQuery> pairs;
  if (line == 0) {
    for (std::size_t i = 0; i + 1 < tokens.size(); i += 2) pairs.emplace_back(tokens[i], tokens[i + 1]);
  } else if (tokens.size() == 2) {
    pairs.emplace_back(tokens[0], tokens[1]);
  } else if (!tokens.empty()) {
    // Not an unknown word: --oov skip does not cover it.
    problems.push_back({"line " + std::to_string(line) + " of <stdin> has " +
                            std::to_string(tokens.size()) +
                            " words, not 2: --similarity reads one pair per line",
                        true});
  }
  return pairs;
}

SimilarityLookup::SimilarityLookup(const QueryResolver& resolver, RowOf row_of, OovPolicy policy,
                                   SubwordOf subword_of)
    : resolver_(resolver),
      row_of_(std::move(row_of)),
      subword_of_(std::move(subword_of)),
      policy_(policy) {}

std::optional<Eigen::RowVectorXf> SimilarityLookup::vector_of(const std::string& word,
                                                              std::vector<QueryProblem>& problems) const {
  const ResolvedQuery resolved = resolver_.resolve(word);
  if (resolved.id) return row_of_(*resolved.id);
  if (resolved.out_of_vocabulary && policy_ == OovPolicy::subword && subword_of_) {
    if (std::optional<Eigen::RowVectorXf> vector = subword_of_(word)) return vector;
  }
  problems.push_back(scored_query_problem(resolved.problem, policy_));
  return std::nullopt;
}

std::optional<float> SimilarityLookup::similarity(const WordPairQuery& pair,
                                                  std::vector<QueryProblem>& problems) const {
  // Both are resolved before giving up, so that one run names every unknown word.
  const std::optional<Eigen::RowVectorXf> first = vector_of(pair.first, problems);
  const std::optional<Eigen::RowVectorXf> second = vector_of(pair.second, problems);
  if (!first || !second) return std::nullopt;
  return static_cast<float>(cosine(*first, *second));
}

}  // namespace embedtool
