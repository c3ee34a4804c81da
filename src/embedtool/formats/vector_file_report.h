#pragma once
// What `embedtool info` and `embedtool verify` say about a vector file.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "embedtool/formats/load_vectors.h"

namespace embedtool {

// Dimensions, dtype, vocabulary size, metadata (training settings) and file size, as a JSON
// object: {"file", "format", "format_version" (emb only), "file_size", "dtype", "input_dim",
// "words", "output_dim", "hash_index" (emb only), "head" (emb only: {"kind", "rows", "dims"} or
// null), "labels" (emb only: {"count", "first": the first kInfoLabelsShown labels as {"name",
// "count"}} or null), "buckets" (emb only: {"kind", "rows", "dims"} or null), "ann_index" (emb only: the index beside the
// model, {"file", "file_size", "nodes", "links", "links0", "ef_construction", "ef_search",
// "top_level", "usable": true} or {"file", "usable": false, "problem"}, or null), "metadata"}. An .emb file is only mapped
// (header and metadata are read); other formats are read completely. Throws Error like
// load_vectors.
inline constexpr std::size_t kInfoLabelsShown = 5;

nlohmann::json describe_vector_file(const std::string& path, const LoadOptions& options);

// The same as aligned "name  value" lines for people, the metadata as indented JSON.
std::string describe_as_text(const nlohmann::json& description);

struct VerifyReport {
  std::vector<std::string> problems;  // one line each; empty if the file is sound
  std::string summary;                // for a sound file: "emb version 2, 12 rows x 5 dims, ..."
};

// Reads and checks everything: an .emb file section by section (every checksum, every word, the
// hash index) and the ANN index beside it if there is one (every link, and that it was built over
// this model), reporting each problem; another format by reading it completely (its first
// problem). Throws UsageError only for an unknown format.
VerifyReport verify_vector_file(const std::string& path, const LoadOptions& options);

}  // namespace embedtool
