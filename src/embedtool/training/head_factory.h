#pragma once
// Builds the chosen head for each training thread, with the read-only tables it shares with the
// other threads: the noise distribution (ns) or the Huffman tree (hs), made once per run from
// the vocabulary's counts.
#include <memory>
#include <optional>

#include "embedtool/model.h"
#include "embedtool/training/head.h"
#include "embedtool/training/hot_rows.h"
#include "embedtool/training/huffman_tree.h"
#include "embedtool/training/noise_distribution.h"
#include "embedtool/training/random.h"
#include "embedtool/training/train_settings.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class HeadFactory {
 public:
  // `loss` must be resolved (not LossKind::automatic). Classes are the vocabulary's words.
  // With more than one thread, each thread's head keeps private copies of the head rows nearly
  // every step writes (hot_rows.h): the busiest ones for ns and hs, all of them for softmax.
  HeadFactory(LossKind loss, const Vocabulary& vocabulary, int negatives, int threads = 1);

  // Rows of the head's weight matrix: one per word, or one per inner node of the tree (hs).
  std::size_t weight_rows() const;

  // One thread's head over the shared `weights` (weight_rows() x dim); `random` is that
  // thread's generator (used by negative sampling).
  std::unique_ptr<Head> make(Matrix& weights, Random& random) const;

 private:
  LossKind loss_;
  std::size_t classes_;
  int negatives_;
  std::optional<NoiseDistribution> noise_;
  std::optional<HuffmanTree> tree_;
  RowRange hot_;  // empty with one thread
  bool private_softmax_ = false;  // several threads: each softmax head copies all of W
};

}  // namespace embedtool
