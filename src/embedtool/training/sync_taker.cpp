#include "embedtool/training/sync_taker.h"

namespace embedtool {

void SyncTaker::poll() {
  if (!sync_ || all_finished_) return;
  sync_->share_busy_rows(weights_);
  if (!sync_->due(schedule_)) return;
  gate_.pause_all();
  // The workers go on whatever happens: a failed combination fails the run (and the job).
  struct Resume {
    PauseGate& gate;
    ~Resume() { gate.resume(); }
  } resume{gate_};
  // Every worker has published its hot rows before pausing, so the shared weights hold all of
  // this process's work.
  const SyncOutcome outcome = sync_->combine(weights_, schedule_, false, checkpoints_.wanted());
  all_finished_ = outcome.all_finished;
  checkpoints_.take_paused(outcome.checkpoint);
}

void SyncTaker::finish() {
  if (!sync_) return;
  while (!all_finished_) {
    const SyncOutcome outcome = sync_->combine(weights_, schedule_, true, CheckpointRequest::none);
    all_finished_ = outcome.all_finished;
    // The processes still training may have agreed on a checkpoint, and saving one gathers every
    // process's place: this one must take part, or they wait for it forever (they did).
    checkpoints_.take_paused(outcome.checkpoint);
  }
}

}  // namespace embedtool
