#pragma once
// Small hand-built models for the evaluation tests: words in row order (from kFirstWordId on)
// with their vectors; the reserved rows are zero.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "embedtool/model.h"

namespace embedtool::eval_test {

inline EmbeddingModel model_of(
    std::initializer_list<std::pair<std::string, std::vector<float>>> rows) {
  EmbeddingModel model;
  const Eigen::Index dims = static_cast<Eigen::Index>(rows.begin()->second.size());
  model.vectors = Matrix::Zero(static_cast<Eigen::Index>(rows.size() + kReservedIds), dims);
  std::uint64_t count = rows.size();
  for (const auto& [word, vector] : rows) {
    const WordId id = model.vocabulary.add(word, count--);
    for (Eigen::Index i = 0; i < dims; ++i)
      model.vectors(id, i) = vector[static_cast<std::size_t>(i)];
  }
  return model;
}

}  // namespace embedtool::eval_test
