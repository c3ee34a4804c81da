#pragma once
// Negative sampling (word2vec's -negative K): instead of normalising over the vocabulary, each
// target is told apart from K noise words drawn from the unigram^0.75 distribution, by a logistic
// decision on its own output row:  loss = −log σ(w_t·h) − Σ_k log σ(−w_k·h).
// O((K+1) · dim) per target whatever the vocabulary size.
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/binary_logistic_step.h"
#include "embedtool/training/head.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/hot_rows.h"
#include "embedtool/training/noise_distribution.h"
#include "embedtool/training/random.h"

namespace embedtool {

class NegativeSamplingHead final : public Head {
 public:
  // `weights` (classes x dim, zero at the start as word2vec's syn1neg), `noise` and `random`
  // outlive the head; `random` is the calling thread's own generator.
  // `hot`: rows this thread keeps private copies of (hot_rows.h); none by default.
  NegativeSamplingHead(Matrix& weights, const NoiseDistribution& noise, int negatives,
                       Random& random, RowRange hot = {});

  double train_step(std::span<const float> h, std::span<const ClassId> targets, float learning_rate,
                    std::span<float> grad_h) override;
  // log σ(w_c·h) for every class c: each class's own yes/no probability, not a distribution.
  void predict(std::span<const float> h, std::span<float> log_probabilities) override;

  // The same step with the noise words given: negatives[j * K + k] is the k-th noise word of
  // targets[j] (K = negatives.size() / targets.size()). A noise word equal to its target is
  // skipped, as word2vec does (it would push the target away from itself). train_step draws the
  // noise words and calls this; tests call it directly with fixed ones.
  double train_step_with_negatives(std::span<const float> h, std::span<const ClassId> targets,
                                   std::span<const std::uint32_t> negatives, float learning_rate,
                                   std::span<float> grad_h);

  void publish() override { rows_.publish(); }
  std::size_t classes() const override { return static_cast<std::size_t>(weights_.rows()); }
  std::size_t dim() const override { return static_cast<std::size_t>(weights_.cols()); }

 private:
  Matrix& weights_;
  const NoiseDistribution& noise_;
  const std::size_t negatives_;
  Random& random_;
  std::vector<std::uint32_t> drawn_;
  HotRows rows_;
  BinaryLogisticStep step_;
};

// "ns": W has a row per class; noise classes are drawn from the counts^0.75; with several
// threads each thread copies the rows of the most frequent classes.
extern const HeadKind kNegativeSamplingHeadKind;

}  // namespace embedtool
