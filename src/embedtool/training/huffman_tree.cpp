#include "embedtool/training/huffman_tree.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "embedtool/errors.h"

namespace embedtool {

// The two-queue construction: leaves sorted by count in one queue, merged nodes in a second
// (they come out in non-decreasing weight order by themselves), and each step joins the two
// lightest fronts. O(V log V) for the sort, O(V) after it.
HuffmanTree::HuffmanTree(std::span<const std::uint64_t> counts) {
  const std::size_t n = counts.size();
  if (n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw Error("hierarchical softmax supports at most 2^31 words");
  offsets_.assign(n + 1, 0);
  if (n <= 1) return;

  // Nodes 0..n-1 are the leaves, n..2n-2 the inner nodes in order of creation; the root is last.
  const std::size_t node_count = 2 * n - 1;
  std::vector<std::uint64_t> weight(node_count);
  std::vector<std::uint32_t> parent(node_count);
  std::vector<std::uint8_t> branch(node_count);
  std::copy(counts.begin(), counts.end(), weight.begin());

  std::vector<std::uint32_t> leaves_by_count(n);
  std::iota(leaves_by_count.begin(), leaves_by_count.end(), 0u);
  std::stable_sort(leaves_by_count.begin(), leaves_by_count.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return counts[a] < counts[b]; });

  std::size_t next_leaf = 0;    // front of the leaf queue
  std::size_t next_merged = n;  // front of the merged queue
  std::size_t created = n;      // next inner node
  auto take_lightest = [&]() -> std::uint32_t {
    // On equal weights the leaf goes first: it keeps the tree shallow (Schwartz's rule).
    const bool leaf_available = next_leaf < n;
    const bool merged_available = next_merged < created;
    if (leaf_available &&
        (!merged_available || weight[leaves_by_count[next_leaf]] <= weight[next_merged]))
      return leaves_by_count[next_leaf++];
    return static_cast<std::uint32_t>(next_merged++);
  };
  for (; created < node_count; ++created) {
    const std::uint32_t first = take_lightest();
    const std::uint32_t second = take_lightest();
    // Sums of counts of a corpus fit in 64 bits: they are at most the corpus size.
    weight[created] = weight[first] + weight[second];
    parent[first] = parent[second] = static_cast<std::uint32_t>(created);
    branch[first] = 0;
    branch[second] = 1;
    for (const std::uint32_t node : {first, second}) {
      children_.push_back(node < n ? Child{true, node}
                                   : Child{false, static_cast<std::uint32_t>(node - n)});
    }
  }

  // Each leaf's path, read upwards from the leaf and stored root first. Inner node m is row
  // m - n of the weight matrix, so the root is row n - 2.
  const std::size_t root = node_count - 1;
  std::vector<std::uint32_t> upward_nodes;
  std::vector<std::uint8_t> upward_branches;
  for (std::size_t leaf = 0; leaf < n; ++leaf) {
    upward_nodes.clear();
    upward_branches.clear();
    for (std::size_t node = leaf; node != root; node = parent[node]) {
      upward_nodes.push_back(static_cast<std::uint32_t>(parent[node] - n));
      upward_branches.push_back(branch[node]);
    }
    nodes_.insert(nodes_.end(), upward_nodes.rbegin(), upward_nodes.rend());
    branches_.insert(branches_.end(), upward_branches.rbegin(), upward_branches.rend());
    offsets_[leaf + 1] = nodes_.size();
    longest_path_ = std::max(longest_path_, upward_nodes.size());
  }
}

}  // namespace embedtool
