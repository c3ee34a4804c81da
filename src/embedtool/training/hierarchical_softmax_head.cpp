#include "embedtool/training/hierarchical_softmax_head.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

HierarchicalSoftmaxHead::HierarchicalSoftmaxHead(Matrix& weights, const HuffmanTree& tree,
                                                 RowRange hot)
    : weights_(weights), tree_(tree), rows_(weights, hot) {
  assert(static_cast<std::size_t>(weights.rows()) == tree.inner_nodes());
}

// At a node, "yes" (label 1) is the branch-0 child: P(branch 0) = σ(w·h), P(branch 1) = σ(−w·h).
// The targets of one step (a skip-gram centre's context words) are scored against the same h,
// and their paths all start at the root: the top of the tree would be scored and written once
// per target. Each node gets one slot instead, holding all its decisions. That saves dot
// products, and it saves writes to the few rows every step of every thread writes, whose cache
// lines otherwise bounce between cores.
double HierarchicalSoftmaxHead::train_step(std::span<const float> h,
                                           std::span<const WordId> targets, float learning_rate,
                                           std::span<float> grad_h) {
  // Two root-to-leaf paths share exactly the nodes above the point where their codes part. In
  // code order, the path sharing the most with a target's is the one just before it, so one
  // comparison with the previous path finds all of a target's nodes that already have a slot.
  sorted_.assign(targets.begin(), targets.end());
  const auto code_of = [this](WordId target) {
    assert(target >= 0 && static_cast<std::size_t>(target) < tree_.leaves());
    return tree_.code(static_cast<std::size_t>(target));
  };
  std::sort(sorted_.begin(), sorted_.end(), [&](WordId a, WordId b) {
    const auto code_a = code_of(a);
    const auto code_b = code_of(b);
    return std::lexicographical_compare(code_a.begin(), code_a.end(), code_b.begin(),
                                        code_b.end());
  });

  step_.clear();
  std::span<const std::uint8_t> previous_code;
  for (const WordId target : sorted_) {
    const auto path = tree_.path(static_cast<std::size_t>(target));
    const auto code = code_of(target);
    const std::size_t shared = static_cast<std::size_t>(
        std::mismatch(code.begin(), code.end(), previous_code.begin(), previous_code.end())
            .first -
        code.begin());
    // Slots of the current path's nodes: the first `shared` are the previous path's.
    slots_.resize(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
      const float label = code[i] == 0 ? 1.0f : 0.0f;
      if (i < shared)
        step_.add_again(slots_[i], label);
      else
        slots_[i] = step_.add(path[i], label);
    }
    previous_code = code;
  }
  return step_.run(rows_, h, learning_rate, grad_h);
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
