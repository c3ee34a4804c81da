#pragma once
// One-vs-all (fastText's -loss ova, its OneVsAllLoss): every class is its own yes/no question,
// P(c | h) = σ(w_c·h), independent of the other classes, so a line may have several labels.
// The targets of a step are the set T of positive classes; every other class is a negative:
//   loss = Σ_{c∈T} −log σ(w_c·h) + Σ_{c∉T} −log(1 − σ(w_c·h)).
// Every class is scored at every step: O(classes x dim), as the full softmax; right for a
// classifier's labels, not for a vocabulary.
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/binary_logistic_step.h"
#include "embedtool/training/head.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/hot_rows.h"

namespace embedtool {

class OneVsAllHead final : public Head {
 public:
  // `weights` (classes x dim, row c = output vector of class c) are shared and outlive the head.
  // With `private_copy` (several threads), the thread works on its own copy of W and adds its
  // change to the shared W every HotRows::kStepsPerPublish steps: every step writes every row,
  // as with the softmax head.
  explicit OneVsAllHead(Matrix& weights, bool private_copy = false);

  // `targets` are read as a set: a class named twice is one positive, not two. With no targets
  // the step does nothing (as every head), rather than treating every class as a negative.
  double train_step(std::span<const float> h, std::span<const ClassId> targets, float learning_rate,
                    std::span<float> grad_h) override;
  // log σ(w_c·h) for every class c: each class's own yes/no probability, not a distribution.
  void predict(std::span<const float> h, std::span<float> log_probabilities) override;

  void publish() override { rows_.publish(); }
  std::size_t classes() const override { return static_cast<std::size_t>(weights_.rows()); }
  std::size_t dim() const override { return static_cast<std::size_t>(weights_.cols()); }

 private:
  Matrix& weights_;
  HotRows rows_;  // all rows or none
  std::vector<ClassId> positives_;  // the step's targets, sorted, repeats removed
  BinaryLogisticStep step_;         // one decision per class
};

// "ova": W has a row per class; with several threads each thread copies all of it.
extern const HeadKind kOneVsAllHeadKind;

}  // namespace embedtool
