// The full-softmax head's loss and gradients against a double-precision reference and central
// finite differences.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/random.h"
#include "embedtool/training/heads/softmax_head.h"

namespace embedtool {
namespace softmax_head_test {

// sum over targets of -log softmax(W·h)[target], in double.
double reference_loss(const std::vector<double>& weights, const std::vector<double>& h,
                      std::size_t classes, const std::vector<WordId>& targets) {
  const std::size_t dim = h.size();
  std::vector<double> scores(classes, 0.0);
  for (std::size_t c = 0; c < classes; ++c)
    for (std::size_t d = 0; d < dim; ++d) scores[c] += weights[c * dim + d] * h[d];
  double max_score = scores[0];
  for (const double s : scores) max_score = std::max(max_score, s);
  double normalizer = 0;
  for (const double s : scores) normalizer += std::exp(s - max_score);
  const double log_normalizer = max_score + std::log(normalizer);
  double loss = 0;
  for (const WordId t : targets) loss += log_normalizer - scores[static_cast<std::size_t>(t)];
  return loss;
}

struct SmallCase {
  static constexpr std::size_t classes = 7;
  static constexpr std::size_t dim = 5;
  std::vector<float> h;
  Matrix weights;
  std::vector<WordId> targets{1, 4, 4, 6};  // a repeated target counts twice

  SmallCase() : h(dim), weights(classes, dim) {
    Random random(42);
    for (float& x : h) x = 2 * random.next_unit_float() - 1;
    for (Eigen::Index i = 0; i < weights.size(); ++i)
      weights.data()[i] = 2 * random.next_unit_float() - 1;
  }
  std::vector<double> h_double() const { return {h.begin(), h.end()}; }
  std::vector<double> weights_double() const {
    return {weights.data(), weights.data() + weights.size()};
  }
};

constexpr double kStep = 1e-4;  // finite-difference step, in double
constexpr double kTolerance = 1e-4;

TEST_CASE("softmax head: the loss is the sum of -log softmax over the targets") {
  SmallCase small;
  Matrix weights = small.weights;
  SoftmaxHead head(weights);
  std::vector<float> grad_h(SmallCase::dim);
  const double loss = head.train_step(small.h, small.targets, 0.1f, grad_h);
  CHECK(loss == doctest::Approx(reference_loss(small.weights_double(), small.h_double(),
                                               SmallCase::classes, small.targets))
                    .epsilon(1e-5));
}

TEST_CASE("softmax head: d(loss)/dh matches central finite differences") {
  SmallCase small;
  Matrix weights = small.weights;
  SoftmaxHead head(weights);
  std::vector<float> grad_h(SmallCase::dim);
  head.train_step(small.h, small.targets, 1.0f, grad_h);

  const auto reference_weights = small.weights_double();
  for (std::size_t d = 0; d < SmallCase::dim; ++d) {
    auto plus = small.h_double();
    auto minus = small.h_double();
    plus[d] += kStep;
    minus[d] -= kStep;
    const double numeric =
        (reference_loss(reference_weights, plus, SmallCase::classes, small.targets) -
         reference_loss(reference_weights, minus, SmallCase::classes, small.targets)) /
        (2 * kStep);
    CAPTURE(d);
    CHECK(grad_h[d] == doctest::Approx(numeric).epsilon(kTolerance));
  }
}

TEST_CASE("softmax head: the step moves W by -lr * d(loss)/dW") {
  SmallCase small;
  Matrix weights = small.weights;
  SoftmaxHead head(weights);
  std::vector<float> grad_h(SmallCase::dim);
  const float learning_rate = 0.5f;
  head.train_step(small.h, small.targets, learning_rate, grad_h);

  const auto h = small.h_double();
  for (std::size_t i = 0; i < SmallCase::classes * SmallCase::dim; ++i) {
    auto plus = small.weights_double();
    auto minus = small.weights_double();
    plus[i] += kStep;
    minus[i] -= kStep;
    const double numeric = (reference_loss(plus, h, SmallCase::classes, small.targets) -
                            reference_loss(minus, h, SmallCase::classes, small.targets)) /
                           (2 * kStep);
    const double applied =
        (static_cast<double>(small.weights.data()[i]) - weights.data()[i]) / learning_rate;
    CAPTURE(i);
    CHECK(applied == doctest::Approx(numeric).epsilon(kTolerance));
  }
}

TEST_CASE("softmax head: no targets, no loss, no gradient, no change") {
  SmallCase small;
  Matrix weights = small.weights;
  SoftmaxHead head(weights);
  std::vector<float> grad_h(SmallCase::dim, 7.0f);
  CHECK(head.train_step(small.h, {}, 0.5f, grad_h) == 0);
  for (const float g : grad_h) CHECK(g == 0);
  CHECK(weights == small.weights);
}

TEST_CASE("softmax head: huge scores give a finite loss, not an overflow") {
  Matrix weights(3, 1);
  weights << 1000.0f, -1000.0f, 0.0f;
  SoftmaxHead head(weights);
  const std::vector<float> h{50.0f};
  std::vector<float> grad_h(1);
  const std::vector<WordId> badly_predicted{1};
  const double loss = head.train_step(h, badly_predicted, 0.0f, grad_h);
  CHECK(loss == doctest::Approx(100000.0));
  CHECK(std::isfinite(grad_h[0]));
}

}  // namespace softmax_head_test
}  // namespace embedtool
