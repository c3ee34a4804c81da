#pragma once
// What a trained model is: the embedding matrix E (input_dim rows x output_dim columns, row i is
// the vector of id i), its vocabulary, and free-form metadata (training settings, corpus size,
// tool version) kept as JSON.
#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// Row-major so that a row (one word's vector) is contiguous: lookups copy rows, and the file
// stores the matrix row by row.
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct EmbeddingModel {
  Vocabulary vocabulary;        // vocabulary.input_dim() == vectors.rows()
  Matrix vectors;               // E
  nlohmann::json metadata = nlohmann::json::object();
};

}  // namespace embedtool
