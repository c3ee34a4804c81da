#pragma once
// The state a training run changes as it goes, kept in plain structs apart from the loop that
// changes it: what a checkpoint must save, and what a resumed run must restore, is exactly this.
//   ModelWeights  - E and the head's weights, shared by all threads (Hogwild: no locks)
//   ScheduleState - how far the run is; drives the learning rate
//   WorkerState   - each thread's own position: its random generator, epoch, place in its part
//                   of the corpus and loss totals
//   RunPosition   - a copy of the last two taken while every thread waits (a checkpoint's)
#include <atomic>
#include <cstdint>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/random.h"
#include "embedtool/training/sentence_source.h"

namespace embedtool {

struct ModelWeights {
  Matrix input;   // E: input_dim x D; rows 0 and 1 (reserved ids) stay zero
  Matrix output;  // the head's: a row per word (softmax, ns, ova) or per Huffman inner node (hs)
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
  // Sentences of this thread's part already trained in this epoch (numbers them in messages).
  std::uint64_t sentences_done = 0;
  // Where this thread's part reads on within `epoch`: taken when the thread pauses for a
  // checkpoint, and sought to when a resumed run starts.
  SourcePosition position;
  // Loss summed over all predictions since the start of the run, and the totals when `epoch`
  // began: an epoch's mean loss is their difference, so these are saved exactly for a resumed run
  // to report (and write in the model's metadata) the same final loss.
  double loss_total = 0;
  std::uint64_t predictions_total = 0;
  double epoch_loss_start = 0;
  std::uint64_t epoch_predictions_start = 0;
  // Summed loss and predictions of each epoch finished; all `epochs` of them: the thread is done.
  std::vector<double> epoch_losses;
  std::vector<std::uint64_t> epoch_predictions;
};

// The run's position as a checkpoint saves it, next to the ModelWeights.
struct RunPosition {
  std::uint64_t words_per_epoch = 0;
  std::uint64_t words_done = 0;
  std::vector<WorkerState> workers;  // one per thread, in the order of the corpus parts
};

}  // namespace embedtool
