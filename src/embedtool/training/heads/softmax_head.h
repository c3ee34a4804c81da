#pragma once
// The full-softmax head: scores every class against h (W·h), normalises with a softmax and
// pays -log p(target) for each target. Exact, the reference the other heads are checked
// against, but O(classes x dim) per step: right for small vocabularies only (see loss_choice.h).
#include <Eigen/Core>

#include "embedtool/model.h"
#include "embedtool/training/head.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/hot_rows.h"

namespace embedtool {

class SoftmaxHead final : public Head {
 public:
  // `weights` (classes x dim, row c = output vector of class c) are shared and outlive the head.
  // They start at zero, as word2vec's output layer: the first steps then move W only, and E
  // starts learning once W carries some signal.
  // With `private_copy` (several threads), the thread works on its own copy of W and adds its
  // change to the shared W every HotRows::kStepsPerPublish steps: every step writes every row of
  // W, and on shared rows two threads ran 5 to 11 times slower than one (hot_rows.h).
  explicit SoftmaxHead(Matrix& weights, bool private_copy = false);

  double train_step(std::span<const float> h, std::span<const ClassId> targets, float learning_rate,
                    std::span<float> grad_h) override;
  // log softmax(W·h).
  void predict(std::span<const float> h, std::span<float> log_probabilities) override;

  void publish() override { rows_.publish(); }
  std::size_t classes() const override { return static_cast<std::size_t>(weights_.rows()); }
  std::size_t dim() const override { return static_cast<std::size_t>(weights_.cols()); }

 private:
  Matrix& weights_;
  HotRows rows_;  // all rows or none
  // Scores, then probabilities, then the gradient w.r.t. the scores: one buffer reused by every
  // step so that the hot loop never allocates.
  Eigen::VectorXf scratch_;
};

// "softmax": W has a row per class; with several threads each thread copies all of it.
extern const HeadKind kSoftmaxHeadKind;

}  // namespace embedtool
