#include "embedtool/query/similarity_eval.h"

#include <cmath>
#include <vector>

#include "embedtool/query/case_insensitive_index.h"
#include "embedtool/query/spearman.h"

namespace embedtool {
namespace {

double cosine(const Matrix& vectors, WordId a, WordId b) {
  const Eigen::RowVectorXd x = vectors.row(a).cast<double>();
  const Eigen::RowVectorXd y = vectors.row(b).cast<double>();
  const double norms = x.norm() * y.norm();
  return norms == 0 ? 0.0 : x.dot(y) / norms;
}

}  // namespace

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
    cosines.push_back(cosine(model.vectors, *first, *second));
  }
  result.used = human.size();
  result.spearman = spearman_correlation(human, cosines);
  return result;
}

}  // namespace embedtool
