#pragma once
// The trainer's side of ModelSync (model_sync.h): on the caller's thread, pauses the workers
// when a sync is due and lets the processes combine their weights, and once this process's
// workers have ended, goes on combining until every process's have.
#include "embedtool/training/model_sync.h"
#include "embedtool/training/pause_gate.h"
#include "embedtool/training/training_state.h"

namespace embedtool {

class SyncTaker {
 public:
  // `sync` null: a run alone, and both calls do nothing.
  SyncTaker(ModelSync* sync, PauseGate& gate, ScheduleState& schedule, ModelWeights& weights)
      : sync_(sync), gate_(gate), schedule_(schedule), weights_(weights) {
    if (sync_) sync_->begin(weights_);
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
  bool all_finished_ = false;
};

}  // namespace embedtool
