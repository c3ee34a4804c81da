#pragma once
// What the trainer tells its caller as it goes: a snapshot every half second or so, and one at
// the end.
#include <cstdint>
#include <functional>

namespace embedtool {

struct TrainProgress {
  // Vocabulary words read so far by all threads, all epochs, counted before subsampling (the
  // learning-rate schedule runs on this count, as word2vec's does).
  std::uint64_t words_done = 0;
  std::uint64_t words_total = 0;  // epochs x vocabulary words in the corpus
  // words_done when this run started: 0, or where the checkpoint it resumed was taken. Speeds
  // and the ETA count from here.
  std::uint64_t words_before = 0;
  int epoch = 0;                  // 1-based: words_done / words per epoch, + 1
  int epochs = 0;
  double average_loss = 0;  // mean loss per prediction since the last snapshot
  float learning_rate = 0;
  double elapsed_seconds = 0;
  int threads = 1;
  // Totals since the start, so that a reader can average over intervals of its own. A
  // prediction is one (centre, context) pair in skip-gram, one centre word in CBOW.
  double loss_total = 0;
  std::uint64_t predictions = 0;
};

// Called on the thread that called the trainer, never from the training threads.
using ProgressCallback = std::function<void(const TrainProgress&)>;

}  // namespace embedtool
