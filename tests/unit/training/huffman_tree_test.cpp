#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "embedtool/training/huffman_tree.h"

namespace embedtool {
namespace {

std::string code_text(const HuffmanTree& tree, std::size_t k) {
  std::string text;
  for (const std::uint8_t bit : tree.code(k)) text += bit ? '1' : '0';
  return text;
}

TEST_CASE("huffman tree: code lengths of a hand-computed example") {
  // The textbook example (Cormen et al.): f:5 e:9 c:12 b:13 d:16 a:45. Merges: 5+9=14,
  // 12+13=25, 14+16=30, 25+30=55, 45+55=100, so a is one step from the root, b, c and d three,
  // e and f four.
  const std::vector<std::uint64_t> counts{45, 13, 12, 16, 9, 5};  // a b c d e f
  const HuffmanTree tree(counts);
  const std::vector<std::size_t> expected_lengths{1, 3, 3, 3, 4, 4};
  REQUIRE(tree.leaves() == 6);
  CHECK(tree.inner_nodes() == 5);
  for (std::size_t k = 0; k < counts.size(); ++k) {
    CAPTURE(k);
    CHECK(tree.path(k).size() == expected_lengths[k]);
    CHECK(tree.code(k).size() == expected_lengths[k]);
  }
  CHECK(tree.longest_path() == 4);
  // Every path starts at the root, the last inner node (row inner_nodes() - 1).
  for (std::size_t k = 0; k < counts.size(); ++k) CHECK(tree.path(k)[0] == 4);
  // The heavier child takes branch 1: a (45) against the subtree of 55.
  CHECK(code_text(tree, 0) == "0");
}

TEST_CASE(
    "huffman tree: frequent words get codes no longer than rarer ones, and codes are prefix-free") {
  std::vector<std::uint64_t> counts;
  for (std::uint64_t k = 0; k < 300; ++k) counts.push_back(1000000 / (k + 1));  // Zipf
  const HuffmanTree tree(counts);
  for (std::size_t k = 1; k < counts.size(); ++k) {
    CAPTURE(k);
    CHECK(tree.code(k - 1).size() <= tree.code(k).size());
  }
  CHECK(tree.code(0).size() < tree.code(299).size());
  std::set<std::string> codes;
  for (std::size_t k = 0; k < counts.size(); ++k) codes.insert(code_text(tree, k));
  CHECK(codes.size() == counts.size());
  for (auto it = codes.begin(); std::next(it) != codes.end(); ++it) {
    const std::string& shorter = *it;
    const std::string& next = *std::next(it);
    CAPTURE(shorter);
    CHECK(next.compare(0, shorter.size(), shorter) !=
          0);  // sorted: a prefix would come right before
  }
  // Each inner node row lies in range, and inner nodes on a path are distinct.
  for (std::size_t k = 0; k < counts.size(); ++k) {
    std::set<std::uint32_t> seen;
    for (const std::uint32_t node : tree.path(k)) {
      CHECK(node < tree.inner_nodes());
      seen.insert(node);
    }
    CHECK(seen.size() == tree.path(k).size());
  }
}

TEST_CASE("huffman tree: one word has an empty path, two words one node each") {
  const HuffmanTree single(std::vector<std::uint64_t>{7});
  CHECK(single.inner_nodes() == 0);
  CHECK(single.path(0).empty());
  const HuffmanTree pair(std::vector<std::uint64_t>{7, 7});
  CHECK(pair.inner_nodes() == 1);
  CHECK(code_text(pair, 0) != code_text(pair, 1));
  CHECK(pair.path(0).size() == 1);
}

TEST_CASE("huffman tree: equal counts give a balanced tree") {
  const HuffmanTree tree(std::vector<std::uint64_t>(16, 5));
  for (std::size_t k = 0; k < 16; ++k) CHECK(tree.code(k).size() == 4);
}

}  // namespace
}  // namespace embedtool
