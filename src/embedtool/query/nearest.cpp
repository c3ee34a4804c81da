#include "embedtool/query/nearest.h"

#include <algorithm>

namespace embedtool {

NearestIndex::NearestIndex(const Matrix& vectors) : unit_rows_(vectors) {
  for (Eigen::Index row = 0; row < unit_rows_.rows(); ++row) {
    const float norm = unit_rows_.row(row).norm();
    if (norm > 0) unit_rows_.row(row) /= norm;
  }
}

std::vector<Neighbour> NearestIndex::nearest(const Eigen::Ref<const Eigen::VectorXf>& query,
                                             std::size_t k, std::span<const WordId> exclude) const {
  std::vector<Neighbour> result;
  const float query_norm = query.norm();
  if (k == 0 || query_norm == 0 || unit_rows_.rows() <= kFirstWordId) return result;

  // One matrix-vector product gives every cosine at once; the rows are already unit length.
  const Eigen::VectorXf similarities = unit_rows_ * (query / query_norm);

  std::vector<Neighbour> candidates;
  candidates.reserve(static_cast<std::size_t>(similarities.size()));
  for (Eigen::Index row = kFirstWordId; row < similarities.size(); ++row) {
    if (std::find(exclude.begin(), exclude.end(), row) != exclude.end()) continue;
    candidates.push_back({row, similarities[row]});
  }
  const std::size_t kept = std::min(k, candidates.size());
  // Ties keep the lower id (the more frequent word) first, so results are deterministic.
  const auto better = [](const Neighbour& a, const Neighbour& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  };
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept),
                    candidates.end(), better);
  candidates.resize(kept);
  return candidates;
}

}  // namespace embedtool
