#pragma once
// Y = E[X] for `lookup --batch`: the rows of E for a batch of padded id sequences X, one sequence
// at a time, Y[i, j, :] = E[X[i, j], :]. The rules of an embedding layer's input: every id must
// be a row of E (an out-of-range id is an error, never a silent clamp), every sequence has the
// length of the first (the batch is one array), and padding id 0 gives the zero vector (what
// Keras' mask_zero expects) or, if asked, row 0 like any other id.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "embedtool/model.h"

namespace embedtool {

// The vector of padding id 0 in the output.
enum class PadVector { zero, row };

class IdBatchGather {
 public:
  using RowOf = std::function<Eigen::RowVectorXf(WordId)>;

  // `rows` × `dims` is the shape of E; `model_name` and `source` (e.g. "<stdin>") name the model
  // and the input in messages. With `normalize`, each gathered row is scaled to unit length.
  IdBatchGather(RowOf row_of, std::uint64_t rows, std::uint64_t dims, std::string model_name,
                std::string source, PadVector pad_vector, bool normalize);

  // Y[i] for the sequence on line `line` of the source: one row per id. Throws Error naming the
  // line (and the position) for an id outside E or a length that differs from the first
  // sequence's. The matrix is reused by the next call.
  const Matrix& gather(std::span<const WordId> ids, std::uint64_t line);

  // Sequences gathered so far, and their length (input_length; 0 before the first).
  std::uint64_t sequences() const { return sequences_; }
  std::uint64_t length() const { return first_ ? first_->length : 0; }

 private:
  std::string line_name(std::uint64_t line) const;

  struct FirstSequence {
    std::uint64_t length;
    std::uint64_t line;
  };

  RowOf row_of_;
  std::uint64_t rows_;
  Eigen::Index dims_;
  std::string model_name_;
  std::string source_;
  PadVector pad_vector_;
  bool normalize_;
  std::optional<FirstSequence> first_;
  std::uint64_t sequences_ = 0;
  Matrix gathered_;
};

}  // namespace embedtool
