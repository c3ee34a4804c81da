#pragma once
// An approximate nearest-neighbour graph over the rows of an .emb model, as the ANN index file
// stores it (docs/FORMAT.md, "The ANN index file"): a hierarchical navigable small world (HNSW,
// Malkov and Yashunin 2016). Every node is a row of the model, named by its row number, so the
// index holds links only and a search reads the vectors from the model's own mapped matrix.
//
// Level 0 links every node to up to `links0` near rows; a few nodes (about one in `links`) also
// sit on level 1, fewer on level 2, and so on, with up to `links` links on each. A search walks
// greedily down from the entry point on the top level, then explores level 0 with a beam of
// `ef` candidates (query/ann_search.h).
#include <cstdint>
#include <vector>

namespace embedtool {

// What the index was built over: a search refuses an index whose model no longer has these.
// The checksums are the ones the model's header records (read, not recomputed: opening the
// index must not read the matrix), so a model written again with other rows is told apart.
struct AnnModelIdentity {
  std::uint64_t rows = 0;
  std::uint64_t dims = 0;
  std::uint32_t dtype = 0;         // the model's dtype code (storage/dtype.h)
  std::uint32_t matrix_crc32 = 0;  // the model header's matrix_crc32
  std::uint32_t norms_crc32 = 0;   // the model header's norms_crc32 (the lengths searched by)

  bool operator==(const AnnModelIdentity&) const = default;
};

struct AnnParameters {
  std::uint32_t links = 16;            // M: the most links a node keeps on levels 1 and up
  std::uint32_t links0 = 32;           // the most on level 0 (2 M, as HNSW advises)
  std::uint32_t ef_construction = 100;  // the beam the build searched with (informative)
  std::uint32_t ef_search = 64;        // the beam a query uses unless told otherwise
};

// A row's place in upper_index when it has no level above 0.
inline constexpr std::uint32_t kAnnNoUpperLevels = 0xFFFFFFFF;

struct AnnGraph {
  AnnModelIdentity model;
  AnnParameters parameters;
  std::uint64_t nodes = 0;        // rows in the graph (rows with a direction: finite, non-zero length)
  std::uint64_t entry_point = 0;  // the node on top_level where searches start (0 without nodes)
  std::uint32_t top_level = 0;
  // model.rows records of 1 + links0 values: the count, the neighbours' rows, zeros after them.
  std::vector<std::uint32_t> level0;
  // model.rows values: where the row's record starts in upper_lists, or kAnnNoUpperLevels.
  std::vector<std::uint32_t> upper_index;
  // Records: the row's level L (at least 1), then L lists of 1 + links values (levels 1 to L),
  // each a count, the neighbours' rows and zeros after them.
  std::vector<std::uint32_t> upper_lists;
};

}  // namespace embedtool
