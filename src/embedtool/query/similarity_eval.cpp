#include "embedtool/query/similarity_eval.h"

#include <vector>

#include "embedtool/query/case_insensitive_index.h"
#include "embedtool/query/cosine.h"
#include "embedtool/query/spearman.h"

namespace embedtool {

SimilarityResult evaluate_similarity(const EmbeddingModel& model, std::span<const WordPair> pairs) {
  const CaseInsensitiveIndex index(model.vocabulary, model.vectors.rows());
  SimilarityResult result;
  result.pairs = pairs.size();
  std::vector<double> human, cosines;
  for (const WordPair& pair : pairs) {
    const std::optional<WordId> first = index.find(pair.first);
    const std::optional<WordId> second = index.find(pair.second);
    if (!first || !second) {
      ++result.skipped;
      continue;
    }
    human.push_back(pair.score);
    cosines.push_back(cosine(model.vectors.row(*first), model.vectors.row(*second)));
  }
  result.used = human.size();
  result.spearman = spearman_correlation(human, cosines);
  return result;
}

}  // namespace embedtool
