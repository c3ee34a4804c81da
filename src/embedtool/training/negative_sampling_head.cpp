#include "embedtool/training/negative_sampling_head.h"

#include <cassert>

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

double NegativeSamplingHead::train_step(std::span<const float> h, std::span<const WordId> targets,
                                        float learning_rate, std::span<float> grad_h) {
  drawn_.clear();
  for (std::size_t j = 0; j < targets.size() * negatives_; ++j)
    drawn_.push_back(noise_.draw(random_));
  return train_step_with_negatives(h, targets, drawn_, learning_rate, grad_h);
}

double NegativeSamplingHead::train_step_with_negatives(std::span<const float> h,
                                                       std::span<const WordId> targets,
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

}  // namespace embedtool
