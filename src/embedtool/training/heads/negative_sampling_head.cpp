#include "embedtool/training/heads/negative_sampling_head.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <memory>

#include "embedtool/training/heads/log_sigmoid.h"
#include "embedtool/training/vector_kernels.h"

namespace embedtool {

NegativeSamplingHead::NegativeSamplingHead(Matrix& weights, const NoiseDistribution& noise,
                                           int negatives, Random& random, RowRange hot)
    : weights_(weights),
      noise_(noise),
      negatives_(static_cast<std::size_t>(negatives)),
      random_(random),
      rows_(weights, hot) {
  assert(noise.classes() == static_cast<std::size_t>(weights.rows()));
}

double NegativeSamplingHead::train_step(std::span<const float> h, std::span<const ClassId> targets,
                                        float learning_rate, std::span<float> grad_h) {
  drawn_.clear();
  for (std::size_t j = 0; j < targets.size() * negatives_; ++j)
    drawn_.push_back(noise_.draw(random_));
  return train_step_with_negatives(h, targets, drawn_, learning_rate, grad_h);
}

double NegativeSamplingHead::train_step_with_negatives(std::span<const float> h,
                                                       std::span<const ClassId> targets,
                                                       std::span<const std::uint32_t> negatives,
                                                       float learning_rate,
                                                       std::span<float> grad_h) {
  const std::size_t per_target = targets.empty() ? 0 : negatives.size() / targets.size();
  step_.clear();
  for (std::size_t j = 0; j < targets.size(); ++j) {
    assert(targets[j] >= 0 && targets[j] < weights_.rows());
    const auto target = static_cast<std::uint32_t>(targets[j]);
    step_.add(target, 1.0f);
    for (std::size_t k = 0; k < per_target; ++k) {
      const std::uint32_t noise_word = negatives[j * per_target + k];
      if (noise_word != target) step_.add(noise_word, 0.0f);
    }
  }
  return step_.run(rows_, h, learning_rate, grad_h);
}

void NegativeSamplingHead::predict(std::span<const float> h,
                                   std::span<float> log_probabilities) {
  assert(log_probabilities.size() == classes());
  for (std::size_t c = 0; c < log_probabilities.size(); ++c) {
    const float score = kernels::dot(rows_.row(static_cast<std::uint32_t>(c)), h.data(), dim());
    log_probabilities[c] = static_cast<float>(log_sigmoid(score));
  }
}

namespace {

HeadShape negative_sampling_shape(std::size_t classes, int threads) {
  HeadShape shape;
  shape.weight_rows = classes;
  // Classes are numbered by falling count (a vocabulary's words are), so the likeliest noise
  // classes, which nearly every step writes, are the first rows.
  if (threads > 1) shape.hot = {0, std::min(kHotRowsPerThread, classes)};
  return shape;
}

class NegativeSamplingFamily final : public HeadFamily {
 public:
  explicit NegativeSamplingFamily(const HeadOptions& options)
      : noise_(options.class_counts, options.ns_exponent),
        negatives_(options.negatives),
        shape_(negative_sampling_shape(options.class_counts.size(), options.threads)) {}
  const HeadShape& shape() const override { return shape_; }
  std::unique_ptr<Head> make(Matrix& weights, Random& random) const override {
    return std::make_unique<NegativeSamplingHead>(weights, noise_, negatives_, random,
                                                  shape_.hot);
  }

 private:
  NoiseDistribution noise_;
  int negatives_;
  HeadShape shape_;
};

}  // namespace

const HeadKind kNegativeSamplingHeadKind{
    "ns", "negative sampling: each target told apart from --neg noise classes; any vocabulary",
    false,
    negative_sampling_shape,
    [](const HeadOptions& options) -> std::unique_ptr<HeadFamily> {
      return std::make_unique<NegativeSamplingFamily>(options);
    }};

}  // namespace embedtool
