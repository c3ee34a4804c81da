#pragma once
// `embedtool index --ann MODEL.emb`: build the model's ANN index (query/ann_build.h) and write
// it beside the model as MODEL.emb.ann (storage/ann_index_file.h says why beside), atomically.
//
// The model is verified completely first (every checksum, the norms against the rows): the
// index records the model's checksums as they are, and one built over damaged rows would pass
// for sound. A model without row norms gets them first (add_row_norms.h), since the search
// divides by them.
#include <cstdint>
#include <string>

#include "embedtool/query/ann_build.h"

namespace embedtool {

struct AnnIndexResult {
  std::string index_path;
  bool norms_added = false;  // the model was rewritten with its row norms first
  std::uint64_t rows = 0;
  std::uint64_t nodes = 0;   // rows in the graph
  std::uint64_t index_bytes = 0;
  AnnParameters parameters;
  double build_seconds = 0;  // the graph alone, without verifying or writing
};

// Throws Error (naming the file) if the model cannot be read, is not a sound .emb model, or the
// index cannot be built or written.
AnnIndexResult add_ann_index(const std::string& model_path, const AnnBuildSettings& settings);

}  // namespace embedtool
