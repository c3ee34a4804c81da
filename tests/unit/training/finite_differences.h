#pragma once
// Central finite differences in double precision, for checking the heads' gradients.
#include <functional>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/random.h"

namespace embedtool::testing {

constexpr double kFiniteStep = 1e-4;
constexpr double kGradientTolerance = 1e-4;  // relative, as doctest::Approx::epsilon

inline std::vector<double> numeric_gradient(
    const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& x) {
  std::vector<double> gradient(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    auto plus = x;
    auto minus = x;
    plus[i] += kFiniteStep;
    minus[i] -= kFiniteStep;
    gradient[i] = (f(plus) - f(minus)) / (2 * kFiniteStep);
  }
  return gradient;
}

inline std::vector<double> to_double(const Matrix& matrix) {
  return {matrix.data(), matrix.data() + matrix.size()};
}

// Uniform in [-1, 1).
inline Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, Random& random) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = 2 * random.next_unit_float() - 1;
  return m;
}

inline std::vector<float> random_vector(std::size_t size, Random& random) {
  std::vector<float> v(size);
  for (float& x : v) x = 2 * random.next_unit_float() - 1;
  return v;
}

inline double log_sigmoid(double x) {
  return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
}

inline double dot(const std::vector<double>& weights, std::size_t row,
                  const std::vector<double>& h) {
  double s = 0;
  for (std::size_t d = 0; d < h.size(); ++d) s += weights[row * h.size() + d] * h[d];
  return s;
}

}  // namespace embedtool::testing
