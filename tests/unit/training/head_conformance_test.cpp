// What every registered head must do, checked on each of them in turn (a new head in
// training/heads/ is tested here as soon as it is registered):
//   - its d(loss)/dh and its update of W match central finite differences of its own loss;
//   - on several threads, with private copies of the hot rows, no update is lost: after publish,
//     the shared W holds every thread's change;
//   - predict agrees with the loss: for a head that predicts a distribution, the loss of target t
//     is −log_probabilities[t] exactly; for the others it is at least that (plus the terms of
//     the classes it was told apart from: ns's noise classes, every other class for ova);
//   - a few steps towards a target make predict rank it first.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "embedtool/training/heads/head_registry.h"
#include "finite_differences.h"

namespace embedtool {
namespace head_conformance_test {

using namespace testing;

constexpr std::size_t kClasses = 9;
constexpr std::size_t kDim = 5;
// Falling counts, as a vocabulary's words have them (the hot rows of ns are the first ones).
const std::vector<std::uint64_t> kCounts{90, 70, 50, 40, 30, 20, 10, 5, 2};
// A repeated target: twice for the heads that sum one loss per target, once for ova (a set).
const std::vector<ClassId> kTargets{1, 4, 4, 8};

// Float losses, so a wider step than the double-precision head tests use: the rounding of the
// loss (about 1e-6 of it) divided by the step stays well below the tolerance.
constexpr double kStep = 1e-2;
constexpr double kRelative = 1e-2;
constexpr double kAbsolute = 2e-3;

struct Fixture {
  const HeadKind& kind;
  std::unique_ptr<HeadFamily> family;
  Matrix weights;
  Random random{7};

  Fixture(const HeadKind& head_kind, int threads)
      : kind(head_kind),
        family(head_kind.make_family({kCounts, /*negatives=*/3, threads})),
        weights(static_cast<Eigen::Index>(family->shape().weight_rows), kDim) {
    Random start(11);
    weights = random_matrix(weights.rows(), weights.cols(), start) * 0.5f;
  }
};

std::vector<float> some_h() {
  Random random(5);
  return random_vector(kDim, random);
}

// One thread's head over the fixture's W, an h, and the generator's state to reset it to.
struct OneThread : Fixture {
  std::unique_ptr<Head> head;
  Random saved;
  std::vector<float> h = some_h();

  explicit OneThread(const HeadKind& head_kind)
      : Fixture(head_kind, 1), head(family->make(weights, random)), saved(random) {}

  // The loss of a step with learning rate 0 (W unchanged), with the generator reset each time so
  // that a sampled head draws the same noise classes for every evaluation.
  double loss_at(const std::vector<float>& at, std::span<const ClassId> targets) {
    random = saved;
    std::vector<float> grad(kDim);
    return head->train_step(at, targets, 0.0f, grad);
  }
};

TEST_CASE("every registered head: d(loss)/dh matches finite differences of its loss") {
  for (const HeadKind& kind : head_kinds()) {
    CAPTURE(std::string(kind.name));
    OneThread one(kind);
    one.random = one.saved;
    std::vector<float> grad_h(kDim);
    one.head->train_step(one.h, kTargets, 0.0f, grad_h);
    for (std::size_t d = 0; d < kDim; ++d) {
      std::vector<float> plus = one.h, minus = one.h;
      plus[d] += static_cast<float>(kStep);
      minus[d] -= static_cast<float>(kStep);
      const double numeric = (one.loss_at(plus, kTargets) - one.loss_at(minus, kTargets)) /
                             (static_cast<double>(plus[d]) - minus[d]);
      CAPTURE(d);
      CHECK(grad_h[d] == doctest::Approx(numeric).epsilon(kRelative).scale(kAbsolute / kRelative));
    }
  }
}

TEST_CASE("every registered head: a step moves W by -lr * d(loss)/dW") {
  for (const HeadKind& kind : head_kinds()) {
    CAPTURE(std::string(kind.name));
    OneThread one(kind);
    const Matrix start = one.weights;

    // Numerically, entry by entry of the shared W (one thread: the head reads it in place).
    std::vector<double> numeric(static_cast<std::size_t>(start.size()));
    for (Eigen::Index i = 0; i < start.size(); ++i) {
      const float original = one.weights.data()[i];
      one.weights.data()[i] = original + static_cast<float>(kStep);
      const double up = one.loss_at(one.h, kTargets);
      one.weights.data()[i] = original - static_cast<float>(kStep);
      const double down = one.loss_at(one.h, kTargets);
      one.weights.data()[i] = original;
      numeric[static_cast<std::size_t>(i)] = (up - down) / (2 * kStep);
    }

    // A small rate, so that a row a step writes twice barely differs from the first-order move.
    const float rate = 1e-3f;
    one.random = one.saved;
    std::vector<float> grad_h(kDim);
    one.head->train_step(one.h, kTargets, rate, grad_h);
    double moved = 0;
    for (Eigen::Index i = 0; i < start.size(); ++i) {
      const double applied = (static_cast<double>(start.data()[i]) - one.weights.data()[i]) / rate;
      moved += std::abs(applied);
      CAPTURE(i);
      CHECK(applied == doctest::Approx(numeric[static_cast<std::size_t>(i)])
                           .epsilon(kRelative)
                           .scale(kAbsolute / kRelative + 0.05));
    }
    CHECK(moved > 0.1);  // the step did train W
  }
}

TEST_CASE("every registered head: two threads' updates all reach the shared W") {
  for (const HeadKind& kind : head_kinds()) {
    CAPTURE(std::string(kind.name));
    // With 9 classes every row is hot: each thread works on private copies until it publishes,
    // so what each one changes can be computed alone and must add up in the shared W.
    const std::vector<float> h = some_h();
    const std::vector<ClassId> first_targets{0, 2}, second_targets{5, 8, 8};
    const auto change_alone = [&](std::span<const ClassId> targets, std::uint64_t seed) {
      Fixture alone(kind, 2);
      REQUIRE(alone.family->shape().hot.count == alone.family->shape().weight_rows);
      const Matrix start = alone.weights;
      Random random(seed);
      const auto head = alone.family->make(alone.weights, random);
      std::vector<float> grad(kDim);
      for (int step = 0; step < 20; ++step) head->train_step(h, targets, 0.1f, grad);
      head->publish();
      return Matrix(alone.weights - start);
    };
    const Matrix first_change = change_alone(first_targets, 1);
    const Matrix second_change = change_alone(second_targets, 2);

    Fixture shared(kind, 2);
    const Matrix start = shared.weights;
    Random first_random(1), second_random(2);
    const auto first = shared.family->make(shared.weights, first_random);
    const auto second = shared.family->make(shared.weights, second_random);
    std::vector<float> grad(kDim);
    for (int step = 0; step < 20; ++step) {  // interleaved, fewer than a publish interval
      first->train_step(h, first_targets, 0.1f, grad);
      second->train_step(h, second_targets, 0.1f, grad);
    }
    first->publish();
    second->publish();
    const Matrix expected = start + first_change + second_change;
    CHECK(first_change.norm() > 0.01);
    CHECK(second_change.norm() > 0.01);
    CHECK((shared.weights - expected).cwiseAbs().maxCoeff() < 1e-5f);
  }
}

TEST_CASE("every registered head: predict agrees with the loss") {
  for (const HeadKind& kind : head_kinds()) {
    CAPTURE(std::string(kind.name));
    OneThread one(kind);
    std::vector<float> log_p(kClasses);
    one.head->predict(one.h, log_p);

    double total = 0;
    for (std::size_t t = 0; t < kClasses; ++t) {
      CAPTURE(t);
      REQUIRE(std::isfinite(log_p[t]));
      CHECK(log_p[t] <= 0.0f);
      total += std::exp(static_cast<double>(log_p[t]));
      const ClassId target = static_cast<ClassId>(t);
      const double loss = one.loss_at(one.h, {&target, 1});
      if (kind.predicts_distribution)
        CHECK(loss == doctest::Approx(-log_p[t]).epsilon(1e-5));
      else
        CHECK(loss >= -log_p[t] - 1e-5);
    }
    if (kind.predicts_distribution) CHECK(total == doctest::Approx(1.0).epsilon(1e-5));
  }
}

TEST_CASE("every registered head: training towards a class makes predict rank it first") {
  for (const HeadKind& kind : head_kinds()) {
    CAPTURE(std::string(kind.name));
    OneThread one(kind);
    const ClassId rare = 7;  // not the class the start favours, nor the likeliest noise class
    std::vector<float> grad(kDim);
    for (int step = 0; step < 200; ++step) one.head->train_step(one.h, {&rare, 1}, 0.1f, grad);
    std::vector<float> log_p(kClasses);
    one.head->predict(one.h, log_p);
    CHECK(std::max_element(log_p.begin(), log_p.end()) - log_p.begin() == rare);
  }
}

}  // namespace head_conformance_test
}  // namespace embedtool
