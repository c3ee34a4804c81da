#pragma once
// Cosine nearest neighbours over the rows of E. Rows are normalized once, at construction, so a
// query is one matrix-vector product, and a group of queries one matrix-matrix product (which
// reads the matrix once for the group instead of once per query: a single query over a 1 GB
// matrix is bound by memory bandwidth; a group, by arithmetic). Large products are split across
// the cores. The best k of the scores are kept with a k-element heap in one pass, without
// sorting every row. Timings: docs/BENCHMARKS.md, "Nearest neighbours".
#include <span>
#include <vector>

#include "embedtool/model.h"

namespace embedtool {

struct Neighbour {
  WordId id;
  float similarity;  // cosine
};

struct NearestQuery {
  Eigen::VectorXf vector;        // any length; only its direction matters
  std::vector<WordId> exclude;   // rows never returned for this query (its own words)
};

class NearestIndex {
 public:
  // Rows before kFirstWordId (padding, unknown) are never returned.
  explicit NearestIndex(const Matrix& vectors);
  // Normalizes `vectors` in place: no copy of a large matrix.
  explicit NearestIndex(Matrix&& vectors);

  // The k rows most similar to `query`, best first, leaving out the ids in `exclude`. Equal
  // similarities keep the lower id (the more frequent word) first. A zero query has none.
  std::vector<Neighbour> nearest(const Eigen::Ref<const Eigen::VectorXf>& query, std::size_t k,
                                 std::span<const WordId> exclude = {}) const;

  // nearest() for each query (the same answers up to float rounding), computed a group at a
  // time by matrix products.
  // A group's score matrix is kept under `score_budget` floats (128 MB by default).
  std::vector<std::vector<Neighbour>> nearest(std::span<const NearestQuery> queries,
                                              std::size_t k,
                                              std::size_t score_budget = kScoreBudget) const;

  // Row `id` scaled to unit length (zero if the row is zero). Throws Error if out of range.
  Eigen::VectorXf unit_row(WordId id) const;
  Eigen::Index rows() const { return unit_rows_.rows(); }
  Eigen::Index dims() const { return unit_rows_.cols(); }

  static constexpr std::size_t kScoreBudget = std::size_t{32} << 20;

 private:
  // unit_rows_ * unit_queries, on every core for large products.
  Eigen::MatrixXf scores(const Eigen::MatrixXf& unit_queries) const;

  Matrix unit_rows_;  // rows scaled to unit length (zero rows stay zero)
};

// The best k entries of `scores` (indexed by row) from kFirstWordId on, leaving out `exclude`
// and NaN scores; best first, ties to the lower row. Exposed for the tests.
std::vector<Neighbour> top_k(const float* scores, Eigen::Index rows, std::size_t k,
                             std::span<const WordId> exclude);

}  // namespace embedtool
