#pragma once
// Cosine nearest neighbours over the rows of E. Rows are normalized once, at construction, and a
// query is one matrix-vector product.
#include <span>
#include <vector>

#include "embedtool/model.h"

namespace embedtool {

struct Neighbour {
  WordId id;
  float similarity;  // cosine
};

class NearestIndex {
 public:
  // Rows before kFirstWordId (padding, unknown) are never returned.
  explicit NearestIndex(const Matrix& vectors);

  // The k rows most similar to `query`, best first, leaving out the ids in `exclude`.
  std::vector<Neighbour> nearest(const Eigen::Ref<const Eigen::VectorXf>& query, std::size_t k,
                                 std::span<const WordId> exclude = {}) const;

 private:
  Matrix unit_rows_;  // rows scaled to unit length (zero rows stay zero)
};

}  // namespace embedtool
