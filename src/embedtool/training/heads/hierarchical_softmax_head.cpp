#include "embedtool/training/heads/hierarchical_softmax_head.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <memory>

#include "embedtool/training/heads/log_sigmoid.h"
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
                                           std::span<const ClassId> targets, float learning_rate,
                                           std::span<float> grad_h) {
  // Two root-to-leaf paths share exactly the nodes above the point where their codes part. In
  // code order, the path sharing the most with a target's is the one just before it, so one
  // comparison with the previous path finds all of a target's nodes that already have a slot.
  sorted_.assign(targets.begin(), targets.end());
  const auto code_of = [this](ClassId target) {
    assert(target >= 0 && static_cast<std::size_t>(target) < tree_.leaves());
    return tree_.code(static_cast<std::size_t>(target));
  };
  std::sort(sorted_.begin(), sorted_.end(), [&](ClassId a, ClassId b) {
    const auto code_a = code_of(a);
    const auto code_b = code_of(b);
    return std::lexicographical_compare(code_a.begin(), code_a.end(), code_b.begin(),
                                        code_b.end());
  });

  step_.clear();
  std::span<const std::uint8_t> previous_code;
  for (const ClassId target : sorted_) {
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

void HierarchicalSoftmaxHead::predict(std::span<const float> h,
                                      std::span<float> log_probabilities) {
  assert(log_probabilities.size() == classes());
  node_scores_.resize(tree_.inner_nodes());
  for (std::size_t n = 0; n < node_scores_.size(); ++n)
    node_scores_[n] = kernels::dot(rows_.row(static_cast<std::uint32_t>(n)), h.data(), dim());
  for (std::size_t leaf = 0; leaf < log_probabilities.size(); ++leaf) {
    const auto path = tree_.path(leaf);
    const auto code = tree_.code(leaf);
    double log_p = 0;
    for (std::size_t i = 0; i < path.size(); ++i) {
      // Branch 0 is "yes" (σ(s)), branch 1 "no" (σ(−s)).
      const double score = node_scores_[path[i]];
      log_p += log_sigmoid(code[i] == 0 ? score : -score);
    }
    log_probabilities[leaf] = static_cast<float>(log_p);
  }
}

void HierarchicalSoftmaxHead::top_classes(std::span<const float> h, const RankingLimits& limits,
                                          std::vector<RankedClass>& out) {
  out.clear();
  if (tree_.leaves() < 2 || limits.k == 0) {
    Head::top_classes(h, limits, out);
    return;
  }
  // `out` is a heap of the best leaves found so far, the worst of them at its front.
  const auto cannot_improve = [&](double log_probability) {
    const auto value = static_cast<float>(log_probability);  // as predict() rounds it
    return value < limits.log_threshold ||
           (out.size() == limits.k && value < out.front().log_probability);
  };
  const auto offer = [&](RankedClass leaf) {
    if (std::isnan(leaf.log_probability) || leaf.log_probability < limits.log_threshold) return;
    if (out.size() < limits.k) {
      out.push_back(leaf);
      std::push_heap(out.begin(), out.end(), ranks_before);
    } else if (ranks_before(leaf, out.front())) {
      std::pop_heap(out.begin(), out.end(), ranks_before);
      out.back() = leaf;
      std::push_heap(out.begin(), out.end(), ranks_before);
    }
  };
  search_.clear();
  search_.push_back({tree_.root(), 0.0});
  while (!search_.empty()) {
    const SearchStep step = search_.back();
    search_.pop_back();
    if (cannot_improve(step.log_probability)) continue;
    const double score = kernels::dot(rows_.row(step.node), h.data(), dim());
    const std::array<double, 2> below = {step.log_probability + log_sigmoid(score),
                                         step.log_probability + log_sigmoid(-score)};
    // The likelier branch goes on the stack last, to be searched first.
    const int first = below[0] >= below[1] ? 1 : 0;
    for (const int branch : {first, 1 - first}) {
      const HuffmanTree::Child child = tree_.child(step.node, branch);
      if (child.is_leaf)
        offer({static_cast<ClassId>(child.index), static_cast<float>(below[branch])});
      else
        search_.push_back({child.index, below[branch]});
    }
  }
  std::sort_heap(out.begin(), out.end(), ranks_before);
}

namespace {

HeadShape hierarchical_softmax_shape(std::size_t classes, int threads) {
  HeadShape shape;
  shape.weight_rows = classes > 0 ? classes - 1 : 0;  // the tree's inner nodes
  // Huffman's algorithm creates inner nodes in order of rising weight, and a node's weight (the
  // counts below it) is how often a step passes through it: the busiest nodes, the root first,
  // are the last rows.
  if (threads > 1) {
    const std::size_t hot = std::min(kHotRowsPerThread, shape.weight_rows);
    shape.hot = {shape.weight_rows - hot, hot};
  }
  return shape;
}

class HierarchicalSoftmaxFamily final : public HeadFamily {
 public:
  explicit HierarchicalSoftmaxFamily(const HeadOptions& options)
      : tree_(options.class_counts),
        shape_(hierarchical_softmax_shape(options.class_counts.size(), options.threads)) {}
  const HeadShape& shape() const override { return shape_; }
  std::unique_ptr<Head> make(Matrix& weights, Random&) const override {
    return std::make_unique<HierarchicalSoftmaxHead>(weights, tree_, shape_.hot);
  }

 private:
  HuffmanTree tree_;
  HeadShape shape_;
};

}  // namespace

const HeadKind kHierarchicalSoftmaxHeadKind{
    "hs", "hierarchical softmax: a Huffman tree of the classes, O(log classes) per target",
    true,
    hierarchical_softmax_shape,
    [](const HeadOptions& options) -> std::unique_ptr<HeadFamily> {
      return std::make_unique<HierarchicalSoftmaxFamily>(options);
    }};

}  // namespace embedtool
