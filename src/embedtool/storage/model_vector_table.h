#pragma once
// A VectorTable over a model held in memory (any format, read completely).
#include <utility>

#include "embedtool/model.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool {

class ModelVectorTable final : public VectorTable {
 public:
  explicit ModelVectorTable(EmbeddingModel model) : model_(std::move(model)) {}

  std::uint64_t rows() const override { return static_cast<std::uint64_t>(model_.vectors.rows()); }
  std::uint64_t dims() const override { return static_cast<std::uint64_t>(model_.vectors.cols()); }
  std::optional<WordId> id_of(std::string_view word) const override {
    return model_.vocabulary.id_of(word);
  }
  std::string_view word(WordId id) const override { return model_.vocabulary.word(id); }
  Eigen::RowVectorXf row(WordId id) const override;
  StoredRows stored_rows() const override {
    return {reinterpret_cast<const std::byte*>(model_.vectors.data()), rows(), dims(), Dtype::float32, nullptr};
  }

  const EmbeddingModel& model() const { return model_; }

 private:
  EmbeddingModel model_;
};

}  // namespace embedtool
