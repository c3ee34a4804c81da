#include "embedtool/training/binary_logistic_step.h"

#include <algorithm>
#include <cassert>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

double BinaryLogisticStep::run(Matrix& weights, std::span<const float> h, float learning_rate,
                               std::span<float> grad_h) {
  const std::size_t dim = h.size();
  assert(static_cast<std::size_t>(weights.cols()) == dim && grad_h.size() == dim);
  std::fill(grad_h.begin(), grad_h.end(), 0.0f);
  const std::size_t count = rows_.size();
  if (count == 0) return 0;
  if (scores_.size() < count) {
    scores_.resize(count);
    coefficients_.resize(count);
  }
  const auto n = static_cast<Eigen::Index>(count);
  Eigen::Map<Eigen::ArrayXf> s(scores_.data(), n);
  Eigen::Map<Eigen::ArrayXf> coefficient(coefficients_.data(), n);
  const Eigen::Map<const Eigen::ArrayXf> label(labels_.data(), n);

  kernels::gathered_dots(weights.data(), rows_.data(), count, h.data(), dim, s.data());

  // With e = exp(−|s|), which never overflows:
  //   −log P(label) = max(s, 0) − label·s + log(1 + e)
  //   σ(s) = 1/(1 + e) for s ≥ 0, e/(1 + e) for s < 0.
  // A NaN score (diverged weights) makes the loss NaN, which the trainer reports.
  coefficient = s;  // kept for the loss, before s is overwritten by e
  s = (-s.abs()).exp();
  const float loss = (coefficient.max(0.0f) - label * coefficient + s.log1p()).sum();
  coefficient = (coefficient >= 0.0f).select((1.0f + s).inverse(), s / (1.0f + s)) - label;

  kernels::gathered_update(weights.data(), rows_.data(), count, coefficients_.data(), learning_rate,
                           h.data(), dim, grad_h.data());
  return static_cast<double>(loss);
}

}  // namespace embedtool
