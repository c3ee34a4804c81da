#pragma once
// The step that negative sampling and hierarchical softmax share: a list of independent yes/no
// decisions, each about one row w_i of the head's weight matrix, with P(yes) = σ(w_i · h).
//   loss         = Σ_i −log P(label_i)          (binary cross-entropy with logits s_i = w_i · h)
//   d loss / ds_i = σ(s_i) − label_i
//   d loss / dh   = Σ_i (σ(s_i) − label_i) w_i,   d loss / dw_i = (σ(s_i) − label_i) h
// Decisions about the same row can share a slot (add_again): with n decisions whose labels sum
// to L, the slot's loss is n·(max(s, 0) + log(1 + e^−|s|)) − L·s and d loss / ds = n·σ(s) − L.
// All decisions of one head step are scored first and updated after (two sweeps over the same
// few dozen rows, which stay in the L1 cache in between), so that σ and the loss are computed
// for the whole batch with vector instructions instead of one exp() and one log() per row.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/hot_rows.h"

namespace embedtool {

class BinaryLogisticStep {
 public:
  void clear() {
    rows_.clear();
    labels_.clear();
    counts_.clear();
  }
  // Adds a decision about `row` and returns its slot. Buffers grow to the largest step seen
  // and are then reused: no allocation per step.
  std::size_t add(std::uint32_t row, float label) {
    rows_.push_back(row);
    labels_.push_back(label);
    counts_.push_back(1.0f);
    return rows_.size() - 1;
  }
  // Adds another decision about the row of `slot`, against the same h. It costs no second dot
  // product and no second write of the row: the row moves once, by the sum of the decisions'
  // gradients (what the two separate updates give, up to the second reading the moved row).
  void add_again(std::size_t slot, float label) {
    labels_[slot] += label;
    counts_[slot] += 1.0f;
  }
  std::size_t size() const { return rows_.size(); }

  // Scores the decisions against h, writes d(loss)/dh into grad_h (overwritten), moves each
  // row by −learning_rate · d(loss)/dw_i, and returns the summed loss.
  // The rows are read and written where `rows` says (the shared matrix or this thread's copy).
  double run(HotRows& rows, std::span<const float> h, float learning_rate,
             std::span<float> grad_h);

 private:
  std::vector<std::uint32_t> rows_;
  std::vector<float*> addresses_;    // where each slot's row is read and written
  std::vector<float> labels_;  // per slot: the sum of its decisions' labels
  std::vector<float> counts_;  // per slot: how many decisions it holds
  std::vector<float> scores_;        // s_i, then exp(−|s_i|)
  std::vector<float> coefficients_;  // σ(s_i) − label_i
};

}  // namespace embedtool
