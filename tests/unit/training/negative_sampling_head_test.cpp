// Negative sampling with fixed noise words against a double-precision reference loss and
// central finite differences.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/heads/negative_sampling_head.h"
#include "finite_differences.h"

namespace embedtool {
namespace negative_sampling_head_test {

using namespace testing;

constexpr std::size_t kClasses = 7;
constexpr std::size_t kDim = 5;
const std::vector<WordId> kTargets{1, 4, 4, 6};  // a repeated target counts twice
// Two noise words per target; target 4's first noise word is 4 itself, which is skipped.
const std::vector<std::uint32_t> kNegatives{0, 2, 4, 5, 3, 3, 1, 0};

// sum over targets t of  -log σ(w_t·h) - Σ_{noise n ≠ t} log σ(-w_n·h)
double reference_loss(const std::vector<double>& weights, const std::vector<double>& h) {
  double loss = 0;
  for (std::size_t j = 0; j < kTargets.size(); ++j) {
    const auto target = static_cast<std::size_t>(kTargets[j]);
    loss -= log_sigmoid(dot(weights, target, h));
    for (std::size_t k = 0; k < 2; ++k) {
      const std::uint32_t noise = kNegatives[j * 2 + k];
      if (noise != target) loss -= log_sigmoid(-dot(weights, noise, h));
    }
  }
  return loss;
}

struct NsCase {
  Random random{3};
  Matrix start = random_matrix(kClasses, kDim, random);
  std::vector<float> h = random_vector(kDim, random);
  Matrix weights = start;
  NoiseDistribution noise{std::vector<std::uint64_t>(kClasses, 1)};
  NegativeSamplingHead head{weights, noise, 2, random};
  std::vector<float> grad_h = std::vector<float>(kDim);

  double step(float learning_rate) {
    return head.train_step_with_negatives(h, kTargets, kNegatives, learning_rate, grad_h);
  }
  std::vector<double> h_double() const { return {h.begin(), h.end()}; }
};

TEST_CASE(
    "negative sampling: the loss is -log σ(target) - Σ log σ(-noise), noise = target skipped") {
  NsCase c;
  CHECK(c.step(0.0f) ==
        doctest::Approx(reference_loss(to_double(c.start), c.h_double())).epsilon(1e-5));
}

TEST_CASE("negative sampling: d(loss)/dh matches central finite differences") {
  NsCase c;
  c.step(0.0f);
  const auto weights = to_double(c.start);
  const auto numeric = numeric_gradient(
      [&](const std::vector<double>& h) { return reference_loss(weights, h); }, c.h_double());
  for (std::size_t d = 0; d < kDim; ++d) {
    CAPTURE(d);
    CHECK(c.grad_h[d] == doctest::Approx(numeric[d]).epsilon(kGradientTolerance));
  }
}

TEST_CASE("negative sampling: the step moves W by -lr * d(loss)/dW") {
  NsCase c;
  const float learning_rate = 0.5f;
  c.step(learning_rate);
  const auto h = c.h_double();
  const auto numeric = numeric_gradient(
      [&](const std::vector<double>& w) { return reference_loss(w, h); }, to_double(c.start));
  for (Eigen::Index i = 0; i < c.start.size(); ++i) {
    const double applied =
        (static_cast<double>(c.start.data()[i]) - c.weights.data()[i]) / learning_rate;
    CAPTURE(i);
    CHECK(applied ==
          doctest::Approx(numeric[static_cast<std::size_t>(i)]).epsilon(kGradientTolerance));
  }
}

TEST_CASE("negative sampling: train_step draws K noise words per target from the distribution") {
  // A noise distribution that can only give class 2: every target but 2 gets K = 3 copies of
  // it, so the loss is that of fixed noise words {2, 2, 2}.
  Random random(1);
  Matrix weights = random_matrix(kClasses, kDim, random);
  const Matrix start = weights;
  std::vector<std::uint64_t> counts(kClasses, 0);
  counts[2] = 10;
  const NoiseDistribution only_two(counts);
  NegativeSamplingHead head(weights, only_two, 3, random);
  const std::vector<float> h = random_vector(kDim, random);
  std::vector<float> grad_h(kDim);
  const std::vector<WordId> targets{0, 2};
  const double loss = head.train_step(h, targets, 0.0f, grad_h);
  const auto w = to_double(start);
  const std::vector<double> hd(h.begin(), h.end());
  const double expected =
      -log_sigmoid(dot(w, 0, hd)) - 3 * log_sigmoid(-dot(w, 2, hd)) - log_sigmoid(dot(w, 2, hd));
  CHECK(loss == doctest::Approx(expected).epsilon(1e-5));
}

TEST_CASE("negative sampling: huge scores give a finite loss") {
  Matrix weights(2, 1);
  weights << 1000.0f, -1000.0f;
  const NoiseDistribution noise(std::vector<std::uint64_t>{1, 1});
  Random random(1);
  NegativeSamplingHead head(weights, noise, 1, random);
  const std::vector<float> h{50.0f};
  std::vector<float> grad_h(1);
  const std::vector<WordId> targets{1};
  const std::vector<std::uint32_t> negatives{0};
  const double loss = head.train_step_with_negatives(h, targets, negatives, 0.0f, grad_h);
  CHECK(loss == doctest::Approx(100000.0));  // -log σ(-50000) - log σ(-50000)
  CHECK(std::isfinite(grad_h[0]));
}

}  // namespace negative_sampling_head_test
}  // namespace embedtool
