// Hierarchical softmax against its exact tree-path probability and central finite differences.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "embedtool/training/heads/hierarchical_softmax_head.h"
#include "finite_differences.h"

namespace embedtool {
namespace hierarchical_softmax_head_test {

using namespace testing;

constexpr std::size_t kDim = 5;
const std::vector<std::uint64_t> kCounts{40, 3, 17, 8, 8, 1, 25};
const std::vector<WordId> kTargets{1, 4, 4, 6, 0};

// sum over targets of -log P(target), P = product over the path of σ(w·h) (branch 0) or
// σ(-w·h) (branch 1).
double reference_loss(const HuffmanTree& tree, const std::vector<double>& weights,
                      const std::vector<double>& h) {
  double loss = 0;
  for (const WordId target : kTargets) {
    const auto path = tree.path(static_cast<std::size_t>(target));
    const auto code = tree.code(static_cast<std::size_t>(target));
    for (std::size_t i = 0; i < path.size(); ++i) {
      const double score = dot(weights, path[i], h);
      loss -= log_sigmoid(code[i] == 0 ? score : -score);
    }
  }
  return loss;
}

struct HsCase {
  HuffmanTree tree{kCounts};
  Random random{11};
  Matrix start = random_matrix(static_cast<Eigen::Index>(tree.inner_nodes()), kDim, random);
  std::vector<float> h = random_vector(kDim, random);
  Matrix weights = start;
  HierarchicalSoftmaxHead head{weights, tree};
  std::vector<float> grad_h = std::vector<float>(kDim);

  std::vector<double> h_double() const { return {h.begin(), h.end()}; }
};

TEST_CASE("hierarchical softmax: the loss is -log of the tree-path probability") {
  HsCase c;
  double expected = 0;
  for (const WordId target : kTargets)
    expected -= std::log(c.head.probability(c.h, static_cast<std::size_t>(target)));
  const double loss = c.head.train_step(c.h, kTargets, 0.0f, c.grad_h);
  CHECK(loss == doctest::Approx(expected).epsilon(1e-5));
  CHECK(loss ==
        doctest::Approx(reference_loss(c.tree, to_double(c.start), c.h_double())).epsilon(1e-5));
}

TEST_CASE("hierarchical softmax: probabilities over the whole vocabulary sum to 1") {
  HsCase c;
  for (int trial = 0; trial < 5; ++trial) {
    const std::vector<float> h = random_vector(kDim, c.random);
    double total = 0;
    for (std::size_t k = 0; k < kCounts.size(); ++k) {
      const double p = c.head.probability(h, k);
      CHECK(p > 0);
      CHECK(p < 1);
      total += p;
    }
    CHECK(total == doctest::Approx(1.0).epsilon(1e-6));
  }
}

TEST_CASE("hierarchical softmax: d(loss)/dh matches central finite differences") {
  HsCase c;
  c.head.train_step(c.h, kTargets, 0.0f, c.grad_h);
  const auto weights = to_double(c.start);
  const auto numeric = numeric_gradient(
      [&](const std::vector<double>& h) { return reference_loss(c.tree, weights, h); },
      c.h_double());
  for (std::size_t d = 0; d < kDim; ++d) {
    CAPTURE(d);
    CHECK(c.grad_h[d] == doctest::Approx(numeric[d]).epsilon(kGradientTolerance));
  }
}

TEST_CASE("hierarchical softmax: the step moves W by -lr * d(loss)/dW") {
  HsCase c;
  const float learning_rate = 0.5f;
  c.head.train_step(c.h, kTargets, learning_rate, c.grad_h);
  const auto h = c.h_double();
  const auto numeric =
      numeric_gradient([&](const std::vector<double>& w) { return reference_loss(c.tree, w, h); },
                       to_double(c.start));
  for (Eigen::Index i = 0; i < c.start.size(); ++i) {
    const double applied =
        (static_cast<double>(c.start.data()[i]) - c.weights.data()[i]) / learning_rate;
    CAPTURE(i);
    CHECK(applied ==
          doctest::Approx(numeric[static_cast<std::size_t>(i)]).epsilon(kGradientTolerance));
  }
}

TEST_CASE("hierarchical softmax: the order of the targets does not change the step") {
  // The head merges the nodes the targets' paths share, after sorting the targets by code.
  HsCase forward;
  HsCase backward;
  const std::vector<WordId> reversed(kTargets.rbegin(), kTargets.rend());
  const double loss_forward = forward.head.train_step(forward.h, kTargets, 0.5f, forward.grad_h);
  const double loss_backward =
      backward.head.train_step(backward.h, reversed, 0.5f, backward.grad_h);
  CHECK(loss_forward == doctest::Approx(loss_backward).epsilon(1e-6));
  for (std::size_t d = 0; d < kDim; ++d)
    CHECK(forward.grad_h[d] == doctest::Approx(backward.grad_h[d]).epsilon(1e-6));
  CHECK(forward.weights.isApprox(backward.weights, 1e-6f));
}

TEST_CASE("hierarchical softmax: the tree search finds predict's best classes, bit for bit") {
  // Many classes, some with equal counts (equal paths lengths, possible ties), random W and h.
  std::vector<std::uint64_t> counts(500);
  for (std::size_t c = 0; c < counts.size(); ++c) counts[c] = 1 + (c * 7919) % 50;
  const HuffmanTree tree(counts);
  Random random(5);
  Matrix weights = random_matrix(static_cast<Eigen::Index>(tree.inner_nodes()), kDim, random);
  weights *= 4.0f;  // confident decisions, so that the search can leave most of the tree out
  HierarchicalSoftmaxHead head(weights, tree);
  std::vector<float> all(counts.size());
  std::vector<RankedClass> expected;
  std::vector<RankedClass> found;
  const RankingLimits limits[] = {
      {1, -std::numeric_limits<float>::infinity()},
      {5, -std::numeric_limits<float>::infinity()},
      {RankingLimits::kEveryClass, -std::numeric_limits<float>::infinity()},
      {RankingLimits::kEveryClass, std::log(0.01f)},
      {3, std::log(0.5f)},
  };
  for (int trial = 0; trial < 50; ++trial) {
    const std::vector<float> h = random_vector(kDim, random);
    head.predict(h, all);
    for (const RankingLimits& limit : limits) {
      CAPTURE(trial);
      CAPTURE(limit.k);
      rank_classes(all, limit, expected);
      head.top_classes(h, limit, found);
      REQUIRE(found.size() == expected.size());
      for (std::size_t i = 0; i < found.size(); ++i) {
        CHECK(found[i].id == expected[i].id);
        CHECK(found[i].log_probability == expected[i].log_probability);
      }
    }
  }
  // A zero h: every decision is a coin toss, every leaf at depth d has 2^-d, many tie: ties go
  // to the lower class, as rank_classes orders them.
  const std::vector<float> zero(kDim, 0.0f);
  head.predict(zero, all);
  rank_classes(all, {10, -std::numeric_limits<float>::infinity()}, expected);
  head.top_classes(zero, {10, -std::numeric_limits<float>::infinity()}, found);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) CHECK(found[i].id == expected[i].id);
}

}  // namespace hierarchical_softmax_head_test
}  // namespace embedtool
