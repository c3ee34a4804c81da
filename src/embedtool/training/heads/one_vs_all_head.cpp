#include "embedtool/training/heads/one_vs_all_head.h"

#include <algorithm>
#include <cassert>
#include <memory>

#include "embedtool/training/heads/log_sigmoid.h"
#include "embedtool/training/vector_kernels.h"

namespace embedtool {

OneVsAllHead::OneVsAllHead(Matrix& weights, bool private_copy)
    : weights_(weights),
      rows_(weights, {0, private_copy ? static_cast<std::size_t>(weights.rows()) : 0}) {}

// One binary logistic decision per class c, with label y_c = 1 if c ∈ T, else 0:
//   loss = Σ_c −log P(y_c) = Σ_{c∈T} −log σ(s_c) + Σ_{c∉T} −log(1 − σ(s_c)),   s_c = w_c·h
//   d loss / ds_c = σ(s_c) − y_c
//   d loss / dh   = Σ_c (σ(s_c) − y_c) w_c,   d loss / dw_c = (σ(s_c) − y_c) h
// which is BinaryLogisticStep with one slot per class.
double OneVsAllHead::train_step(std::span<const float> h, std::span<const ClassId> targets,
                                float learning_rate, std::span<float> grad_h) {
  assert(h.size() == dim() && grad_h.size() == dim());
  if (targets.empty()) {
    std::fill(grad_h.begin(), grad_h.end(), 0.0f);
    return 0;
  }
  positives_.assign(targets.begin(), targets.end());
  std::sort(positives_.begin(), positives_.end());
  positives_.erase(std::unique(positives_.begin(), positives_.end()), positives_.end());
  assert(positives_.front() >= 0 && static_cast<std::size_t>(positives_.back()) < classes());

  step_.clear();
  std::size_t next = 0;  // the first positive not yet reached
  for (std::size_t c = 0; c < classes(); ++c) {
    const bool positive =
        next < positives_.size() && positives_[next] == static_cast<ClassId>(c);
    if (positive) ++next;
    step_.add(static_cast<std::uint32_t>(c), positive ? 1.0f : 0.0f);
  }
  return step_.run(rows_, h, learning_rate, grad_h);
}

void OneVsAllHead::predict(std::span<const float> h, std::span<float> log_probabilities) {
  assert(log_probabilities.size() == classes());
  kernels::dense_dots(rows_.row(0), classes(), h.data(), dim(), log_probabilities.data());
  for (float& score : log_probabilities) score = static_cast<float>(log_sigmoid(score));
}

namespace {

HeadShape one_vs_all_shape(std::size_t classes, int threads) {
  HeadShape shape;
  shape.weight_rows = classes;
  // Every step writes every row: with several threads each keeps its own copy of all of W.
  if (threads > 1) shape.hot = {0, classes};
  // The step's decision buffers, one slot per class: row, address (two floats' worth), label,
  // count, score, coefficient.
  shape.scratch_floats = 7 * classes;
  return shape;
}

class OneVsAllFamily final : public HeadFamily {
 public:
  explicit OneVsAllFamily(const HeadOptions& options)
      : shape_(one_vs_all_shape(options.class_counts.size(), options.threads)) {}
  const HeadShape& shape() const override { return shape_; }
  std::unique_ptr<Head> make(Matrix& weights, Random&) const override {
    return std::make_unique<OneVsAllHead>(weights, shape_.hot.count > 0);
  }

 private:
  HeadShape shape_;
};

}  // namespace

const HeadKind kOneVsAllHeadKind{
    "ova",
    "one-vs-all: an independent sigmoid per class, for multi-label classifiers; O(classes) per "
    "step",
    false,
    one_vs_all_shape,
    [](const HeadOptions& options) -> std::unique_ptr<HeadFamily> {
      return std::make_unique<OneVsAllFamily>(options);
    }};

}  // namespace embedtool
