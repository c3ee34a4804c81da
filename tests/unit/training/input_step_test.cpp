// The one step of every model (inputs → h → head), as CBOW (many inputs, one target) and as
// skip-gram (one input, many targets) use it: where h comes from and where its gradient goes.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/heads/softmax_head.h"
#include "embedtool/training/input_step.h"
#include "finite_differences.h"

namespace embedtool {
namespace input_step_test {

using namespace testing;

constexpr std::size_t kClasses = 6;
constexpr std::size_t kDim = 4;
constexpr Eigen::Index kRows = kClasses + kFirstWordId;

// -log softmax(W·h)[target] in double.
double softmax_loss(const std::vector<double>& weights, const std::vector<double>& h,
                    std::size_t target) {
  std::vector<double> scores(kClasses);
  double max_score = -1e300;
  for (std::size_t c = 0; c < kClasses; ++c) {
    scores[c] = dot(weights, c, h);
    max_score = std::max(max_score, scores[c]);
  }
  double normalizer = 0;
  for (const double s : scores) normalizer += std::exp(s - max_score);
  return max_score + std::log(normalizer) - scores[target];
}

TEST_CASE(
    "cbow: the loss is the head's on the average of the context rows; each row moves by "
    "-lr * (window size) * d(loss)/d(row), word2vec's rule") {
  Random random(21);
  const Matrix start = random_matrix(kRows, kDim, random);
  const Matrix head_start = random_matrix(kClasses, kDim, random);
  Matrix input = start;
  Matrix head_weights = head_start;
  SoftmaxHead head(head_weights);
  const std::vector<WordId> context{2, 5, 5, 7};  // id 5 twice: it moves twice
  const WordId centre_class = 1;
  std::vector<float> h(kDim);
  std::vector<float> grad_h(kDim);
  const float learning_rate = 0.1f;

  // The loss as a function of E, through the average of the context rows.
  const auto w = to_double(head_start);
  auto loss_of = [&](const std::vector<double>& e) {
    std::vector<double> mean(kDim, 0.0);
    for (const WordId id : context)
      for (std::size_t d = 0; d < kDim; ++d)
        mean[d] += e[static_cast<std::size_t>(id) * kDim + d] / static_cast<double>(context.size());
    return softmax_loss(w, mean, static_cast<std::size_t>(centre_class));
  };

  const double loss =
      input_step(input, context, {&centre_class, 1}, head, learning_rate, h, grad_h);
  CHECK(loss == doctest::Approx(loss_of(to_double(start))).epsilon(1e-5));

  const auto numeric = numeric_gradient(loss_of, to_double(start));
  const double window = static_cast<double>(context.size());
  for (Eigen::Index i = 0; i < start.size(); ++i) {
    const double applied = (static_cast<double>(start.data()[i]) - input.data()[i]) / learning_rate;
    CAPTURE(i);
    CHECK(applied == doctest::Approx(window * numeric[static_cast<std::size_t>(i)])
                         .epsilon(kGradientTolerance)
                         .scale(1e-6));
  }
}

TEST_CASE("skip-gram: the centre row is h, and it moves by -lr * d(loss)/dh") {
  Random random(22);
  const Matrix start = random_matrix(kRows, kDim, random);
  const Matrix head_start = random_matrix(kClasses, kDim, random);
  Matrix input = start;
  Matrix head_weights = head_start;
  SoftmaxHead head(head_weights);
  const WordId centre = 4;
  const std::vector<WordId> context_classes{0, 3, 5};
  std::vector<float> h(kDim);
  std::vector<float> grad_h(kDim);
  const float learning_rate = 0.1f;

  const auto w = to_double(head_start);
  auto loss_of = [&](const std::vector<double>& e) {
    const std::vector<double> row(e.begin() + centre * kDim, e.begin() + (centre + 1) * kDim);
    double sum = 0;
    for (const WordId c : context_classes) sum += softmax_loss(w, row, static_cast<std::size_t>(c));
    return sum;
  };
  const double loss =
      input_step(input, {&centre, 1}, context_classes, head, learning_rate, h, grad_h);
  CHECK(loss == doctest::Approx(loss_of(to_double(start))).epsilon(1e-5));
  const auto numeric = numeric_gradient(loss_of, to_double(start));
  for (Eigen::Index i = 0; i < start.size(); ++i) {
    const double applied = (static_cast<double>(start.data()[i]) - input.data()[i]) / learning_rate;
    CAPTURE(i);
    CHECK(applied == doctest::Approx(numeric[static_cast<std::size_t>(i)])
                         .epsilon(kGradientTolerance)
                         .scale(1e-6));
  }
}

}  // namespace input_step_test
}  // namespace embedtool
