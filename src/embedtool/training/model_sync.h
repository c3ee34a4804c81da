#pragma once
// How a run that is one of several processes training the same model (ranks of an MPI job,
// cluster/rank_sync.h) combines its weights with theirs. Each process trains on its own
// part of the corpus with its own threads; at sync points its threads pause, as they do for a
// checkpoint, and the processes combine their weights and their progress. The trainer only
// calls these hooks; it never knows how many processes there are nor how they talk.
#include <chrono>
#include <cstddef>

#include "embedtool/training/hot_rows.h"
#include "embedtool/training/training_state.h"

namespace embedtool {

// A checkpoint's timing, as train_control.h's CheckpointRequest (declared here too, so that this
// header needs nothing of train_control.h, which includes it).
enum class CheckpointRequest;

struct SyncOutcome {
  bool all_finished = false;  // every process has finished: that combination was the last
  CheckpointRequest checkpoint{};  // what every process takes now: the most any of them asked for
};

// The rows of E and of the head that nearly every step of every process writes: the most frequent
// words' rows of E, and the head's rows that its threads keep private copies of (hot_rows.h).
// Between syncs a process may send their changes far more often than the rest's (they are a
// small part of the model), without pausing its workers.
struct BusyRows {
  RowRange input;
  RowRange output;
  // The same rows and the next most frequent ones after them, kWiderBusyRows of each matrix (or
  // all it has): what a job of more than two processes exchanges (cluster/rank_sync.h). Empty:
  // the same as input and output.
  RowRange wider_input;
  RowRange wider_output;
};

// Beyond two processes the rows after the busiest must go often too (cluster/rank_sync.h). With
// 4 ranks on 40 MB of en-norm (medians of 3 seeds, WordSim-353 / analogies; one process 0.215 /
// 2.4 %): 2,048 rows 0.220 / 2.0 % in 15.6 s, 4,096 rows 0.220 / 2.1 % in 21.7 s (docs/SCALING.md).
inline constexpr std::size_t kWiderBusyRows = 4096;

class ModelSync {
 public:
  virtual ~ModelSync() = default;

  // This process's place among the processes, 0-based: its threads take the random seeds after
  // those of the processes before it, so no two threads of the job draw the same numbers.
  virtual std::size_t process_index() const = 0;
  // How often the trainer asks due().
  virtual std::chrono::milliseconds poll_interval() const = 0;

  // Before training, with every process's schedule as it counted its own part: sets
  // words_per_epoch to what every process agrees on. The schedule then counts words in units of
  // one process's share (the job's words / processes), so that the learning rate, a function of
  // the share of the run done, follows the words all processes have read.
  virtual void start(ScheduleState& schedule) = 0;
  // Just before the workers start, with the weights every process starts from (the same seed
  // and the same rows everywhere).
  virtual void begin(const ModelWeights& weights, const BusyRows& busy) = 0;
  // Polled on the caller's thread while the workers train, before due(): may combine the busy
  // rows with the other processes' while the workers go on writing them.
  virtual void share_busy_rows(ModelWeights& /*weights*/) {}
  // Polled on the caller's thread while the workers train: time to combine.
  virtual bool due(const ScheduleState& schedule) = 0;
  // Combines, while every worker of this process waits at a sentence boundary (or has ended):
  // the weights become the job's, and schedule.words_done the job's progress. `finished`: this
  // process's workers have all ended; it goes on combining with the others until they have too.
  // `wanted`: the checkpoint this process asks for; every process then takes the same one.
  virtual SyncOutcome combine(ModelWeights& weights, ScheduleState& schedule, bool finished,
                              CheckpointRequest wanted) = 0;
};

}  // namespace embedtool
