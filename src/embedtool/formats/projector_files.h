#pragma once
// The TensorBoard Embedding Projector's files (projector.tensorflow.org, "Load"): vectors.tsv
// has one row of tab-separated numbers per word, metadata.tsv the words, one per line, in the
// same order (one column, so no header line). The reserved rows <pad> and <unk> are left out.
//
// A projector path is a folder holding vectors.tsv and metadata.tsv, or the vectors file itself:
// "vectors.tsv" goes with "metadata.tsv" beside it, any other "X.tsv" with "X.metadata.tsv".
// Reading also takes a metadata file with several columns (its first line is then a header, as
// TensorBoard requires) and uses the first column.
#include <string>

#include "embedtool/formats/foreign_options.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/model.h"

namespace embedtool {

struct ProjectorPaths {
  std::string vectors;
  std::string metadata;
};

ProjectorPaths projector_paths(const std::string& path);

// The words come from `metadata_path`; their number must equal the number of vector rows.
EmbeddingModel read_projector_files(const std::string& vectors_path, const std::string& metadata_path,
                                    const ForeignReadOptions& options);

void write_projector_files(const EmbeddingModel& model, OutputFile& vectors, OutputFile& metadata);

}  // namespace embedtool
