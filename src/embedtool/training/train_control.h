#pragma once
// What a caller can do to a training run besides watching its progress: have checkpoints
// written (periodically, or once before stopping early), continue from one, and set rows of the
// initial E. The trainer itself knows nothing of files, clocks or signals: the caller decides
// when a checkpoint is due and what writing one means.
#include <chrono>
#include <functional>
#include <optional>

#include "embedtool/model.h"
#include "embedtool/training/model_sync.h"
#include "embedtool/training/training_state.h"

namespace embedtool {

enum class CheckpointRequest : int {
  none,
  save,           // write a checkpoint, then train on
  save_and_stop,  // write a checkpoint, then stop: train_embeddings returns with `stopped` set
};

// A run saved by on_checkpoint, to continue from.
struct TrainingCheckpoint {
  RunPosition position;
  ModelWeights weights;
};

struct TrainControl {
  // Polled on the caller's thread every poll_interval while the workers train.
  std::function<CheckpointRequest()> poll;
  // Half a second keeps a stop prompt at no cost; tests shorten it to checkpoint often.
  std::chrono::milliseconds poll_interval{500};
  // Called on the caller's thread while every worker waits at a sentence boundary, so the
  // position and weights it is given are consistent. An exception it throws fails the run.
  std::function<void(const RunPosition&, const ModelWeights&)> on_checkpoint;
  // Continue this run instead of starting from the seed. The settings must be the ones it was
  // started with; with one thread, the result is then bit for bit the uninterrupted run's. The
  // weights are moved out.
  std::optional<TrainingCheckpoint> resume;
  // Called once on E just after its random initialisation (not on resume), e.g. to copy in
  // pretrained rows. The random draws stay those of a run without it.
  std::function<void(Matrix& input)> initialize;
  // Called once at the end of every epoch the run trains, when every thread has finished it and
  // none has started the next (the threads meet there, which they otherwise never do), with the
  // weights as they are then; e.g. to score them on a validation set. Returning true makes that
  // epoch's weights the result unless a later epoch's call returns true too (a copy is kept until
  // then); if no call returns true, the result is the last epoch's, as without it. The weights
  // must not be changed. Runs on one of the training threads (on the caller's for the last
  // epoch); an exception it throws fails the run.
  std::function<bool(int epoch, ModelWeights& weights)> on_epoch_end;
  // This process is one of several training the same model (model_sync.h), each on its own
  // part of the corpus; null: it trains alone. Must outlive the run.
  ModelSync* sync = nullptr;
};

}  // namespace embedtool
