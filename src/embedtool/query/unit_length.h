#pragma once
// Scaling vectors to unit length: the one rule behind --normalize, cosine scores and the
// normalized matrices that nearest neighbours and analogies search. A zero vector has no
// direction; it stays zero (and so has cosine 0 with everything) instead of becoming NaN.
#include "embedtool/model.h"

namespace embedtool {

// Scales `vector` (any Eigen vector or row, float or double, also a block of a matrix) in place.
// A vector whose length is 0 or NaN is left as it is.
template <typename Vector>
void scale_to_unit_length(Vector&& vector) {
  const auto norm = vector.norm();
  if (norm > 0) vector /= norm;
}

// Every row of `rows` scaled to unit length, in place: no copy of a large matrix.
void normalize_rows(Matrix& rows);

}  // namespace embedtool
