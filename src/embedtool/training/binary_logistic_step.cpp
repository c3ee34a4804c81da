#include "embedtool/training/binary_logistic_step.h"

#include <algorithm>
#include <cassert>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

double BinaryLogisticStep::run(HotRows& rows, std::span<const float> h, float learning_rate,
                               std::span<float> grad_h) {
  const std::size_t dim = h.size();
  assert(grad_h.size() == dim);
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
  const Eigen::Map<const Eigen::ArrayXf> label(labels_.data(), n);  // summed over the slot
  const Eigen::Map<const Eigen::ArrayXf> decisions(counts_.data(), n);

  addresses_.resize(count);
  for (std::size_t i = 0; i < count; ++i) addresses_[i] = rows.row(rows_[i]);
  kernels::gathered_dots(addresses_.data(), count, h.data(), dim, s.data());

  // With e = exp(−|s|), which never overflows:
  //   −log P(label) = max(s, 0) − label·s + log(1 + e)
  //   σ(s) = 1/(1 + e) for s ≥ 0, e/(1 + e) for s < 0.
  // and for a slot of n decisions with labels summing to L: n·(max(s, 0) + log(1 + e)) − L·s.
  // A NaN score (diverged weights) makes the loss NaN, which the trainer reports.
  coefficient = s;  // kept for the loss, before s is overwritten by e
  s = (-s.abs()).exp();
  const float loss =
      (decisions * (coefficient.max(0.0f) + s.log1p()) - label * coefficient).sum();
  coefficient =
      decisions * (coefficient >= 0.0f).select((1.0f + s).inverse(), s / (1.0f + s)) - label;

  kernels::gathered_update(addresses_.data(), count, coefficients_.data(), learning_rate, h.data(),
                           dim, grad_h.data());
  rows.step_done();
  return static_cast<double>(loss);
}

}  // namespace embedtool
