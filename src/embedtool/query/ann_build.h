#pragma once
// Builds the ANN graph of a model's rows (storage/ann_graph.h) with hnswlib, the reference HNSW
// implementation (Debian's libhnswlib-dev), and exports its links in our own layout. hnswlib
// builds well but can only search an index it has read whole into memory; exporting the links
// lets a search map the index and touch only what it visits (query/ann_search.h).
//
// hnswlib is given row numbers, not vectors: its "vector" of a node is the node's row number
// and its distance function reads both rows from the model in place (1 - cosine, through the
// stored row lengths), so the build holds no copy of the matrix, only the links (about
// 150 bytes a row with 16 links, plus hnswlib's bookkeeping: about 250 MB for a million rows).
#include <cstdint>
#include <functional>

#include "embedtool/storage/ann_graph.h"
#include "embedtool/storage/stored_rows.h"

namespace embedtool {

struct AnnBuildSettings {
  AnnParameters parameters;  // links0 is taken as 2 x links, as hnswlib does
  unsigned threads = 0;      // 0: one per core
  // Called now and then from one of the building threads with the rows inserted so far.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

// The graph over every word row with a direction (finite, non-zero length); rows holding NaN or
// infinities, zero rows and the reserved rows are left out (a search never returns them, as an
// exact search never returns a NaN and ranks zero rows at 0). `rows` must carry their norms.
// With more than one thread the links depend on the order the threads insert the rows in, so
// two builds of the same model differ (each as good as the other); with one they are the same.
// Throws Error for more rows than u32 can name, bad parameters, or when memory runs out.
AnnGraph build_ann_graph(const StoredRows& rows, const AnnModelIdentity& model,
                         const AnnBuildSettings& settings);

}  // namespace embedtool
