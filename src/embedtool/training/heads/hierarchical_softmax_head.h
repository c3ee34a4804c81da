#pragma once
// Hierarchical softmax (word2vec's -hs 1): the probability of a target is the product of the
// binary decisions on its path in a Huffman tree of the word counts (huffman_tree.h), so
//   loss = −Σ_{nodes n on the path} log σ(±w_n·h)
// with + for a branch 0 and − for a branch 1. Exact probabilities that sum to 1 over the
// vocabulary, at O(path length · dim) per target: about log2 V rows, fewer for frequent words.
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/binary_logistic_step.h"
#include "embedtool/training/head.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/hot_rows.h"
#include "embedtool/training/huffman_tree.h"

namespace embedtool {

class HierarchicalSoftmaxHead final : public Head {
 public:
  // `weights` has one row per inner node of `tree` (tree.inner_nodes() x dim, zero at the
  // start); both outlive the head.
  // `hot`: rows this thread keeps private copies of (hot_rows.h); none by default.
  HierarchicalSoftmaxHead(Matrix& weights, const HuffmanTree& tree, RowRange hot = {});

  double train_step(std::span<const float> h, std::span<const ClassId> targets, float learning_rate,
                    std::span<float> grad_h) override;
  // The log of each leaf's path probability: one dot product per inner node, shared by all the
  // leaves below it, then a sum of log σ(±s) along each path.
  void predict(std::span<const float> h, std::span<float> log_probabilities) override;
  // A search down the tree, likelier branch first: a path's log-probability only falls as it
  // goes down, so a subtree whose top is already below the k-th best leaf found (or below the
  // threshold) cannot hold a better one and is left out. For k = 1 it visits a few paths, not
  // every node; the classes and values are predict()'s, bit for bit (same sums, same order).
  void top_classes(std::span<const float> h, const RankingLimits& limits,
                   std::vector<RankedClass>& out) override;

  void publish() override { rows_.publish(); }
  std::size_t classes() const override { return tree_.leaves(); }
  std::size_t dim() const override { return static_cast<std::size_t>(weights_.cols()); }

  // P(target | h) under the current weights: the product along the path (for tests).
  double probability(std::span<const float> h, std::size_t target) const;

 private:
  Matrix& weights_;
  const HuffmanTree& tree_;
  HotRows rows_;
  BinaryLogisticStep step_;
  std::vector<ClassId> sorted_;      // this step's targets in code order
  std::vector<std::size_t> slots_;  // the step's slot of each node on the current path
  std::vector<float> node_scores_;  // predict: w_n·h of every inner node
  struct SearchStep {
    std::uint32_t node;
    double log_probability;  // of the path from the root to the node
  };
  std::vector<SearchStep> search_;  // top_classes: the subtrees still to search
};

// "hs": W has a row per inner node of a Huffman tree of the class counts; with several threads
// each thread copies the rows of the nodes nearest the root.
extern const HeadKind kHierarchicalSoftmaxHeadKind;

}  // namespace embedtool
