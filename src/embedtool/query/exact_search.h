#pragma once
// Exact cosine nearest neighbours by one pass over the stored rows, read in place (a mapped .emb
// file's matrix, float32 or float16, or a matrix in memory): nothing is loaded, copied or
// normalized before the first query. The pass computes, a block of rows at a time, the dot
// products of the rows with every query of a group (query/row_dots.h: a matrix-vector product
// for one query, matrix-matrix for several, so the matrix is read once per group), divides by
// the row lengths (the file's norms section, or computed in the same pass when the file has
// none) and keeps each query's best k with a bounded heap. The rows are split between threads,
// each with its own heaps, merged at the end.
#include <cstddef>
#include <span>
#include <vector>

#include <Eigen/Core>

#include "embedtool/query/nearest.h"
#include "embedtool/storage/stored_rows.h"

namespace embedtool {

class ExactSearch {
 public:
  // `rows` must stay valid (mapped) while this is used. threads = 0: one per core.
  explicit ExactSearch(StoredRows rows, unsigned threads = 0);

  // For each query, the k rows most similar to its vector by cosine, best first, leaving out
  // its `exclude` ids and the rows before kFirstWordId; equal similarities keep the lower id
  // first; NaN similarities are left out. A zero query has none. Answers the same as
  // NearestIndex (to float rounding) without normalizing the matrix.
  std::vector<std::vector<Neighbour>> nearest(std::span<const NearestQuery> queries,
                                              std::size_t k) const;

  // Row `id` scaled to unit length (zero if the row is zero): what analogies add up. Throws
  // Error if out of range.
  Eigen::VectorXf unit_row(WordId id) const;

  Eigen::Index rows() const { return static_cast<Eigen::Index>(rows_.rows); }
  Eigen::Index dims() const { return static_cast<Eigen::Index>(rows_.dims); }
  bool has_stored_norms() const { return rows_.norms != nullptr; }

  // Queries answered by one pass: their unit vectors stay in the core's cache while a block of
  // rows is compared with all of them.
  static constexpr std::size_t kGroup = 256;

 private:
  StoredRows rows_;
  unsigned threads_;
};

}  // namespace embedtool
