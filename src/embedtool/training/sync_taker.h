#pragma once
// The trainer's side of ModelSync (model_sync.h): on the caller's thread, pauses the workers
// when a sync is due and lets the processes combine their weights, and once this process's
// workers have ended, goes on combining until every process's have. Checkpoints of such a run
// are taken at syncs, when the processes have agreed to take one (model_sync.h), so that every
// process saves its place at the same point.
#include <functional>

#include "embedtool/training/train_control.h"
#include "embedtool/training/model_sync.h"
#include "embedtool/training/pause_gate.h"
#include "embedtool/training/training_state.h"

namespace embedtool {

class SyncTaker {
 public:
  struct Checkpoints {
    std::function<CheckpointRequest()> wanted;             // what this process asks for
    std::function<void(CheckpointRequest)> take_paused;  // takes the agreed one, workers paused
  };

  // `sync` null: a run alone, and both calls do nothing.
  SyncTaker(ModelSync* sync, PauseGate& gate, ScheduleState& schedule, ModelWeights& weights,
            const BusyRows& busy, Checkpoints checkpoints)
      : sync_(sync), gate_(gate), schedule_(schedule), weights_(weights),
        checkpoints_(std::move(checkpoints)) {
    if (sync_) sync_->begin(weights_, busy);
  }

  // While the workers train.
  void poll();
  // After they have all ended: the weights are then the same in every process.
  void finish();

 private:
  ModelSync* sync_;
  PauseGate& gate_;
  ScheduleState& schedule_;
  ModelWeights& weights_;
  Checkpoints checkpoints_;
  bool all_finished_ = false;
};

}  // namespace embedtool
