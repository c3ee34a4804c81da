#pragma once
// Approximate cosine nearest neighbours through an ANN index's graph (storage/ann_graph.h),
// read in place with the model's mapped rows: a query compares itself with the few thousand rows
// the walk meets instead of all of them, and touches only their pages and the records of the
// nodes it stands on. The walk is HNSW's (Malkov and Yashunin 2016, algorithms 2 and 5): greedy
// from the entry point down to level 1, keeping the closest row seen; then on level 0 a best-
// first search that keeps the `ef` closest rows found and stops when the nearest unexplored
// candidate is farther than all of them. Similarity is the cosine: dot(row, unit query) divided
// by the row's stored length (the model's norms section), so nothing is normalized or copied.
//
// The answers are ExactSearch's (same order, values equal to float rounding: one row's products
// are summed in another order) among the rows the walk reached; recall
// against ExactSearch grows with ef (docs/BENCHMARKS.md, "Approximate nearest neighbours").
#include <cstddef>
#include <span>
#include <vector>

#include "embedtool/query/nearest.h"
#include "embedtool/storage/ann_graph_view.h"
#include "embedtool/storage/stored_rows.h"

namespace embedtool {

class AnnSearch {
 public:
  // `rows` must carry their norms (rows.norms), and both they and the graph's file must stay
  // mapped while this is used. Throws Error if the graph is over another number of rows.
  // threads = 0: one per core (queries of a group are split between them).
  AnnSearch(StoredRows rows, AnnGraphView graph, unsigned threads = 0);

  // For each query, the k rows most similar by cosine among those the walk reaches with a beam
  // of `ef` (raised to k plus the query's excluded rows when smaller), best first, leaving out
  // its `exclude` ids and the rows before kFirstWordId; equal similarities keep the lower id
  // first; a zero query has none. Throws Error if the walk meets a damaged record.
  std::vector<std::vector<Neighbour>> nearest(std::span<const NearestQuery> queries, std::size_t k,
                                              std::size_t ef) const;

  // The rows searched (with their norms), in place.
  const StoredRows& rows() const { return rows_; }
  // The beam the index was built to be searched with.
  std::size_t default_ef() const { return graph_.ef_search(); }

 private:
  StoredRows rows_;
  AnnGraphView graph_;
  unsigned threads_;
};

}  // namespace embedtool
