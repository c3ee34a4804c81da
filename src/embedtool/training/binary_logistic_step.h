#pragma once
// The step that negative sampling and hierarchical softmax share: a list of independent yes/no
// decisions, each about one row w_i of the head's weight matrix, with P(yes) = σ(w_i · h).
//   loss         = Σ_i −log P(label_i)          (binary cross-entropy with logits s_i = w_i · h)
//   d loss / ds_i = σ(s_i) − label_i
//   d loss / dh   = Σ_i (σ(s_i) − label_i) w_i,   d loss / dw_i = (σ(s_i) − label_i) h
// All decisions of one head step are scored first and updated after (two sweeps over the same
// few dozen rows, which stay in the L1 cache in between), so that σ and the loss are computed
// for the whole batch with vector instructions instead of one exp() and one log() per row.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/model.h"

namespace embedtool {

class BinaryLogisticStep {
 public:
  void clear() {
    rows_.clear();
    labels_.clear();
  }
  // Buffers grow to the largest step seen and are then reused: no allocation per step.
  void add(std::uint32_t row, float label) {
    rows_.push_back(row);
    labels_.push_back(label);
  }
  std::size_t size() const { return rows_.size(); }

  // Scores the decisions against h, writes d(loss)/dh into grad_h (overwritten), moves each
  // row by −learning_rate · d(loss)/dw_i, and returns the summed loss.
  double run(Matrix& weights, std::span<const float> h, float learning_rate,
             std::span<float> grad_h);

 private:
  std::vector<std::uint32_t> rows_;
  std::vector<float> labels_;
  std::vector<float> scores_;        // s_i, then exp(−|s_i|)
  std::vector<float> coefficients_;  // σ(s_i) − label_i
};

}  // namespace embedtool
