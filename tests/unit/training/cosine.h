#pragma once
#include "embedtool/model.h"

namespace embedtool::testing {

inline double cosine(const Matrix& vectors, WordId a, WordId b) {
  const auto x = vectors.row(a).cast<double>();
  const auto y = vectors.row(b).cast<double>();
  return x.dot(y) / (x.norm() * y.norm());
}

}  // namespace embedtool::testing
