#pragma once
// The state a training run changes as it goes, kept in plain structs apart from the loop that
// changes it: what a checkpoint must save, and what a resumed run must restore, is exactly this.
//   ModelWeights  - E and the head's weights, shared by all threads (Hogwild: no locks)
//   ScheduleState - how far the run is; drives the learning rate
//   WorkerState   - each thread's own position: its random generator and epoch
#include <atomic>
#include <cstdint>

#include "embedtool/model.h"
#include "embedtool/training/random.h"

namespace embedtool {

struct ModelWeights {
  Matrix input;   // E: input_dim x D; rows 0 and 1 (reserved ids) stay zero
  Matrix output;  // the head's: a row per word (softmax, ns) or per Huffman inner node (hs)
};

struct ScheduleState {
  std::uint64_t words_per_epoch = 0;
  int epochs = 0;
  // Vocabulary words read by all threads so far; each thread adds its sentences' words.
  std::atomic<std::uint64_t> words_done{0};

  std::uint64_t words_total() const { return words_per_epoch * static_cast<std::uint64_t>(epochs); }
};

struct WorkerState {
  explicit WorkerState(std::uint64_t seed) : random(seed) {}
  Random random;  // windows, subsampling, noise words: all of this thread's draws
  int epoch = 0;  // 1-based epoch being trained; 0 before the first
  // Sentences of this thread's part already trained in this epoch: where a resumed run would
  // pick up (its part replayed up to here).
  std::uint64_t sentences_done = 0;
};

}  // namespace embedtool
