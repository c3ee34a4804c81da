#pragma once
// The training checkpoint file (`train --checkpoint`, layout in docs/FORMAT.md, "Training
// checkpoints"): a JSON state (settings and the run's position, as the pipeline layer writes
// them), the vocabulary, E and the head's weights, float32 bit for bit so that a resumed run can
// continue exactly. One CRC32 at the end covers the whole file: a checkpoint is read whole
// anyway, and a single pass can then write it.
#include <string>

#include <nlohmann/json.hpp>

#include "embedtool/model.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct CheckpointFile {
  nlohmann::json state = nlohmann::json::object();
  Vocabulary vocabulary;  // names the first rows of `input`
  Matrix input;           // E, then a classifier's word n-gram bucket rows (if any)
  Matrix output;          // the head's weights, as many columns as E
};

// `input` has the vocabulary's input_dim rows, or more: the rows below are bucket rows.
// Writes atomically (atomic_file.h): an interrupted write leaves the previous checkpoint, if any.
// Throws Error naming `path`.
void save_checkpoint_file(const std::string& path, const nlohmann::json& state,
                          const Vocabulary& vocabulary, const Matrix& input, const Matrix& output);

// Throws Error naming `path` if it cannot be read, is not a checkpoint (another magic, e.g. a
// model file), has a newer version, or is short, inconsistent or damaged (checksum).
CheckpointFile load_checkpoint_file(const std::string& path);

}  // namespace embedtool
