#include "embedtool/cluster/agreeing_changes.h"

namespace embedtool {

void row_squared_norms(const float* changes, std::size_t rows, std::size_t dim, float* out) {
  for (std::size_t row = 0; row < rows; ++row) {
    float squared = 0;
    for (std::size_t i = 0; i < dim; ++i) squared += changes[row * dim + i] * changes[row * dim + i];
    out[row] = squared;
  }
}

void scale_by_agreement(float* sums, const float* moves_squared, std::size_t rows,
                        std::size_t dim) {
  for (std::size_t row = 0; row < rows; ++row) {
    float* sum = sums + row * dim;
    float squared = 0;
    for (std::size_t i = 0; i < dim; ++i) squared += sum[i] * sum[i];
    // |S|² ≤ Σ|d_i|²: the moves do not agree, and their sum stands.
    if (!(squared > moves_squared[row])) continue;
    const float scale = moves_squared[row] / squared;
    for (std::size_t i = 0; i < dim; ++i) sum[i] *= scale;
  }
}

}  // namespace embedtool
