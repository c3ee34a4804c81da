#pragma once
// The binary tree of hierarchical softmax. Its leaves are the classes (words); each inner node
// has a row of weights w and sends h to its second child with probability σ(w·h), so a word's
// probability is the product of the decisions on the path from the root to its leaf, and the
// leaves' probabilities sum to 1 by construction. Built by Huffman's algorithm on the counts,
// so frequent words get short paths: the expected path length, the cost of a step, is within
// one of the entropy of the word distribution (about log2 V or less).
#include <cstdint>
#include <span>
#include <vector>

namespace embedtool {

class HuffmanTree {
 public:
  // One leaf per count. Ties are broken by class index, so the tree depends on the counts only.
  // Throws Error for more than 2^31 classes.
  explicit HuffmanTree(std::span<const std::uint64_t> counts);

  std::size_t leaves() const { return offsets_.size() - 1; }
  // leaves() - 1 (0 for a single leaf): the rows of the head's weight matrix.
  std::size_t inner_nodes() const { return leaves() > 0 ? leaves() - 1 : 0; }

  // The inner nodes (as row indices 0..inner_nodes()-1) from the root down to leaf k, and the
  // branch taken at each: 0 for the first child, 1 for the second. A single-leaf tree has empty
  // paths (probability 1).
  std::span<const std::uint32_t> path(std::size_t k) const {
    return {nodes_.data() + offsets_[k], offsets_[k + 1] - offsets_[k]};
  }
  std::span<const std::uint8_t> code(std::size_t k) const {
    return {branches_.data() + offsets_[k], offsets_[k + 1] - offsets_[k]};
  }
  std::size_t longest_path() const { return longest_path_; }

  // Walking down from the root (a search over the leaves): the inner node (row) at the top, and
  // what each branch of an inner node leads to, as a Child. Only for trees of two leaves or more.
  std::uint32_t root() const { return static_cast<std::uint32_t>(inner_nodes() - 1); }
  struct Child {
    bool is_leaf;
    std::uint32_t index;  // the leaf's class, or the inner node's row
  };
  Child child(std::uint32_t node, int branch) const { return children_[2 * node + branch]; }

 private:
  // Paths of all leaves, one after the other: leaf k's are at [offsets_[k], offsets_[k+1]).
  std::vector<std::size_t> offsets_;
  std::vector<std::uint32_t> nodes_;
  std::vector<std::uint8_t> branches_;
  std::size_t longest_path_ = 0;
  std::vector<Child> children_;  // inner node n's branch b at 2n + b
};

}  // namespace embedtool
