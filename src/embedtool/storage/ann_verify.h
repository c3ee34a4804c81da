#pragma once
// A complete check of an ANN index file, reporting every problem it finds rather than the first:
// what `embedtool verify MODEL.emb` adds for the index beside the model. A search checks only
// the records it reads (storage/ann_graph_view.h).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "embedtool/storage/ann_graph.h"

namespace embedtool {

// One line per problem, in file order; empty if the index is sound and was built over `model`.
// A bad header is the only problem reported; then each section is checked on its own, checksum
// first and then content: every link count within its record, every link to another word row,
// every upper-level record inside its section at a level up to the top one, every upper-level
// link to a row that has that level, and the entry point on the top level.
std::vector<std::string> find_ann_problems(std::span<const std::byte> file, const std::string& source_name,
                                           const AnnModelIdentity& model, const std::string& model_name);

}  // namespace embedtool
