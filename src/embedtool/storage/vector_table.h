#pragma once
// Read-only access to the rows of E and the words that name them, whether the model is mapped
// from an .emb file (MappedModel: rows are read from the file as they are asked for) or held in
// memory (ModelVectorTable). What `lookup` needs, and nothing that requires the whole matrix.
#include <cstdint>
#include <optional>
#include <string_view>

#include <Eigen/Core>

#include "embedtool/storage/stored_rows.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class VectorTable {
 public:
  virtual ~VectorTable() = default;

  // Rows of E, the reserved rows 0 (<pad>) and 1 (<unk>) included: input_dim.
  virtual std::uint64_t rows() const = 0;
  // Columns of E: output_dim.
  virtual std::uint64_t dims() const = 0;
  // The row of `word`, or nullopt if it is not a word of the vocabulary. The reserved tokens are
  // not words: id_of("<pad>") is nullopt.
  virtual std::optional<WordId> id_of(std::string_view word) const = 0;
  // The word of a row ("<pad>" and "<unk>" for rows 0 and 1). Throws Error if out of range. The
  // view stays valid as long as the table.
  virtual std::string_view word(WordId id) const = 0;
  // Row `id` of E as float32 (widened from float16 if the file stores that). Throws Error if
  // out of range.
  virtual Eigen::RowVectorXf row(WordId id) const = 0;

  // Whether the model can give a word it lacks a vector from the word's character n-grams (a
  // fastText .bin model: lookup's --oov subword, its default for such models).
  virtual bool has_subwords() const { return false; }
  // That vector: the mean of the rows of the word's n-grams (zero if it has none, as fastText
  // gives). nullopt for a model without n-gram rows.
  virtual std::optional<Eigen::RowVectorXf> subword_vector(std::string_view /*word*/) const {
    return std::nullopt;
  }
  // Every row as stored, to be read in place by a search that compares a query with all of
  // them (the rows visible after --limit only).
  virtual StoredRows stored_rows() const = 0;
};

}  // namespace embedtool
