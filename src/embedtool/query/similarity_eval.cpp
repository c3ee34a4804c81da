#include "embedtool/query/similarity_eval.h"

#include <vector>

#include "embedtool/query/case_insensitive_index.h"
#include "embedtool/query/cosine.h"
#include "embedtool/query/spearman.h"

namespace embedtool {

SimilarityResult evaluate_similarity(const EmbeddingModel& model, std::span<const WordPair> pairs,
                                     const SubwordVectorOf& subword_of) {
  const CaseInsensitiveIndex index(model.vocabulary, model.vectors.rows());
  SimilarityResult result;
  result.pairs = pairs.size();
  std::vector<double> human, cosines;
  // A word's vector: its row, else its subword vector; `through_subwords` says which.
  bool through_subwords = false;
  const auto vector_of = [&](const std::string& word) -> std::optional<Eigen::RowVectorXf> {
    if (const std::optional<WordId> id = index.find(word)) return model.vectors.row(*id);
    if (!subword_of) return std::nullopt;
    std::optional<Eigen::RowVectorXf> vector = subword_of(word);
    through_subwords = through_subwords || vector.has_value();
    return vector;
  };
  for (const WordPair& pair : pairs) {
    through_subwords = false;
    const std::optional<Eigen::RowVectorXf> first = vector_of(pair.first);
    const std::optional<Eigen::RowVectorXf> second = vector_of(pair.second);
    if (!first || !second) {
      ++result.skipped;
      continue;
    }
    if (through_subwords) ++result.through_subwords;
    human.push_back(pair.score);
    cosines.push_back(cosine(*first, *second));
  }
  result.used = human.size();
  result.spearman = spearman_correlation(human, cosines);
  return result;
}

}  // namespace embedtool
