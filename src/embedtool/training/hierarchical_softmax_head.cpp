#include "embedtool/training/hierarchical_softmax_head.h"

#include <cassert>
#include <cmath>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

HierarchicalSoftmaxHead::HierarchicalSoftmaxHead(Matrix& weights, const HuffmanTree& tree)
    : weights_(weights), tree_(tree) {
  assert(static_cast<std::size_t>(weights.rows()) == tree.inner_nodes());
}

// At a node, "yes" (label 1) is the branch-0 child: P(branch 0) = σ(w·h), P(branch 1) = σ(−w·h).
double HierarchicalSoftmaxHead::train_step(std::span<const float> h,
                                           std::span<const WordId> targets, float learning_rate,
                                           std::span<float> grad_h) {
  step_.clear();
  for (const WordId target : targets) {
    assert(target >= 0 && static_cast<std::size_t>(target) < tree_.leaves());
    const auto path = tree_.path(static_cast<std::size_t>(target));
    const auto code = tree_.code(static_cast<std::size_t>(target));
    for (std::size_t i = 0; i < path.size(); ++i) step_.add(path[i], code[i] == 0 ? 1.0f : 0.0f);
  }
  return step_.run(weights_, h, learning_rate, grad_h);
}

double HierarchicalSoftmaxHead::probability(std::span<const float> h, std::size_t target) const {
  const auto path = tree_.path(target);
  const auto code = tree_.code(target);
  double p = 1;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const double score =
        kernels::dot(weights_.row(path[i]).data(), h.data(), static_cast<std::size_t>(dim()));
    p *= 1.0 / (1.0 + std::exp(code[i] == 0 ? -score : score));
  }
  return p;
}

}  // namespace embedtool
