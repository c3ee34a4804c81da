// The one-vs-all head: its loss on a hand-computed example, the targets read as a set, and what
// sets it apart from a distribution (several classes can all become likely at once). Gradients
// against finite differences, threads and predict are in head_conformance_test.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/heads/one_vs_all_head.h"
#include "finite_differences.h"

namespace embedtool {
namespace {

using namespace testing;

// Three classes whose scores against h = (1, 2) are s = (0, ln 3, −ln 3), so that
// σ(s) = (1/2, 3/4, 1/4).
struct HandCase {
  const float ln3 = std::log(3.0f);
  Matrix weights{{0.0f, 0.0f}, {ln3, 0.0f}, {0.0f, -ln3 / 2}};
  const Matrix start = weights;
  const std::vector<float> h{1.0f, 2.0f};
  std::vector<float> grad_h = std::vector<float>(2);
  OneVsAllHead head{weights};
};

TEST_CASE("ova: the loss is Σ_{c∈T} −log σ(s_c) + Σ_{c∉T} −log(1 − σ(s_c)), by hand") {
  HandCase c;
  const std::vector<ClassId> targets{1, 2};
  // −log σ(ln 3) − log σ(−ln 3) − log(1 − σ(0)) = −log(3/4) − log(1/4) − log(1/2) = log(32/3)
  const double loss = c.head.train_step(c.h, targets, 0.0f, c.grad_h);
  CHECK(loss == doctest::Approx(std::log(32.0 / 3.0)).epsilon(1e-6));
  // d/ds = σ(s) − y = (1/2, −1/4, −3/4);  d/dh = Σ_c (σ(s_c) − y_c) w_c = (−ln 3/4, 3 ln 3/8)
  CHECK(c.grad_h[0] == doctest::Approx(-std::log(3.0) / 4).epsilon(1e-6));
  CHECK(c.grad_h[1] == doctest::Approx(3 * std::log(3.0) / 8).epsilon(1e-6));
}

TEST_CASE("ova: a step moves each w_c by −lr (σ(s_c) − y_c) h, by hand") {
  HandCase c;
  const std::vector<ClassId> targets{1, 2};
  const float rate = 0.5f;
  c.head.train_step(c.h, targets, rate, c.grad_h);
  const double coefficients[] = {0.5, -0.25, -0.75};
  for (Eigen::Index row = 0; row < 3; ++row)
    for (Eigen::Index d = 0; d < 2; ++d) {
      CAPTURE(row);
      CAPTURE(d);
      const double expected = c.start(row, d) - rate * coefficients[row] * c.h[d];
      CHECK(c.weights(row, d) == doctest::Approx(expected).epsilon(1e-6));
    }
}

TEST_CASE("ova: targets are a set: order and repeats do not change the step") {
  HandCase once, repeated;
  const std::vector<ClassId> set{1, 2}, with_repeats{2, 1, 2, 2};
  const double loss_once = once.head.train_step(once.h, set, 0.5f, once.grad_h);
  const double loss_repeated =
      repeated.head.train_step(repeated.h, with_repeats, 0.5f, repeated.grad_h);
  CHECK(loss_repeated == loss_once);
  CHECK(repeated.grad_h == once.grad_h);
  CHECK(repeated.weights == once.weights);
}

TEST_CASE("ova: no targets, no loss, no gradient, no change") {
  HandCase c;
  c.grad_h = {7.0f, 7.0f};
  CHECK(c.head.train_step(c.h, {}, 0.5f, c.grad_h) == 0.0);
  CHECK(c.grad_h == std::vector<float>{0.0f, 0.0f});
  CHECK(c.weights == c.start);
}

TEST_CASE("ova: predict is log σ(w_c·h), and a one-target step's loss is exactly its terms") {
  Random random(3);
  constexpr std::size_t kClasses = 6, kDim = 4;
  Matrix weights = random_matrix(kClasses, kDim, random);
  const std::vector<float> h = random_vector(kDim, random);
  OneVsAllHead head(weights);
  std::vector<float> log_p(kClasses);
  head.predict(h, log_p);
  const std::vector<double> w = to_double(weights), hd(h.begin(), h.end());
  for (std::size_t c = 0; c < kClasses; ++c) {
    CAPTURE(c);
    CHECK(log_p[c] == doctest::Approx(log_sigmoid(dot(w, c, hd))).epsilon(1e-5));
  }
  // loss({t}) = −log p_t − Σ_{c≠t} log(1 − p_c): predict says all there is to the loss.
  std::vector<float> grad_h(kDim);
  for (std::size_t t = 0; t < kClasses; ++t) {
    double expected = -static_cast<double>(log_p[t]);
    for (std::size_t c = 0; c < kClasses; ++c)
      if (c != t) expected -= std::log1p(-std::exp(static_cast<double>(log_p[c])));
    const ClassId target = static_cast<ClassId>(t);
    CAPTURE(t);
    const double loss = head.train_step(h, {&target, 1}, 0.0f, grad_h);
    CHECK(loss == doctest::Approx(expected).epsilon(1e-5));
  }
}

TEST_CASE("ova: with two positive targets both probabilities rise, and both can near 1") {
  Random random(5);
  constexpr std::size_t kClasses = 6, kDim = 4;
  Matrix weights = random_matrix(kClasses, kDim, random) * 0.5f;
  const std::vector<float> h = random_vector(kDim, random);
  OneVsAllHead head(weights);
  const std::vector<ClassId> targets{1, 4};
  std::vector<float> before(kClasses), after(kClasses), grad_h(kDim);
  head.predict(h, before);

  head.train_step(h, targets, 0.1f, grad_h);
  head.predict(h, after);
  for (std::size_t c = 0; c < kClasses; ++c) {
    CAPTURE(c);
    if (c == 1 || c == 4)
      CHECK(after[c] > before[c]);
    else
      CHECK(after[c] < before[c]);  // every other class is a negative
  }

  // Independent yes/no probabilities, not a distribution: both labels end up likely together,
  // which a softmax could not give (their probabilities would share 1).
  for (int step = 0; step < 200; ++step) head.train_step(h, targets, 0.1f, grad_h);
  head.predict(h, after);
  CHECK(std::exp(after[1]) > 0.9);
  CHECK(std::exp(after[4]) > 0.9);
  for (const std::size_t c : {0, 2, 3, 5}) CHECK(std::exp(after[c]) < 0.1);
}

TEST_CASE("ova: huge scores give a finite loss") {
  Matrix weights(2, 1);
  weights << 1000.0f, -1000.0f;
  OneVsAllHead head(weights);
  const std::vector<float> h{50.0f};
  std::vector<float> grad_h(1);
  const std::vector<ClassId> targets{1};
  // −log σ(−50000) − log(1 − σ(50000)) = 50000 + 50000
  CHECK(head.train_step(h, targets, 0.0f, grad_h) == doctest::Approx(100000.0));
  CHECK(std::isfinite(grad_h[0]));
  std::vector<float> log_p(2);
  head.predict(h, log_p);
  CHECK(log_p[0] == doctest::Approx(0.0));
  CHECK(log_p[1] == doctest::Approx(-50000.0));
}

}  // namespace
}  // namespace embedtool
