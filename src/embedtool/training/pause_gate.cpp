#include "embedtool/training/pause_gate.h"

namespace embedtool {

void PauseGate::wait() {
  std::unique_lock lock(mutex_);
  if (!requested_.load(std::memory_order_relaxed)) return;
  ++waiting_;
  changed_.notify_all();
  const std::uint64_t generation = generation_;
  changed_.wait(lock, [&] { return generation_ != generation; });
  // Not --waiting_ here: resume() already cleared the count. A worker may take a while to get
  // the mutex back after resume(); had it uncounted itself only then, a pause_all() in between
  // would still count it as waiting and return while it trains on (ThreadSanitizer found the
  // checkpoint copying a worker's random generator while that worker drew from it).
}

void PauseGate::leave() {
  std::lock_guard lock(mutex_);
  --running_;
  // Only a stopped run leaves workers at a meeting with no last arrival to come: every worker
  // trains the same epochs, so one that finished them all met the others at every epoch end.
  if (meeting_ > 0 && meeting_ == running_) {
    meeting_ = 0;
    ++meetings_ended_;
  }
  changed_.notify_all();
}

bool PauseGate::meet() {
  std::unique_lock lock(mutex_);
  ++meeting_;
  changed_.notify_all();  // a pause_all() counts this worker as paused now
  if (meeting_ == running_) return true;
  const std::uint64_t meeting = meetings_ended_;
  changed_.wait(lock, [&] { return meetings_ended_ != meeting; });
  return false;
}

void PauseGate::end_meeting() {
  std::unique_lock lock(mutex_);
  // A checkpoint may be reading the workers' states: they go on only after it resumes them.
  changed_.wait(lock, [&] { return !requested_.load(std::memory_order_relaxed); });
  meeting_ = 0;
  ++meetings_ended_;
  changed_.notify_all();
}

void PauseGate::pause_all() {
  std::unique_lock lock(mutex_);
  requested_.store(true, std::memory_order_relaxed);
  changed_.wait(lock, [&] { return waiting_ + meeting_ == running_; });
}

void PauseGate::resume() {
  std::lock_guard lock(mutex_);
  requested_.store(false, std::memory_order_relaxed);
  waiting_ = 0;  // every waiting worker is released by this generation change
  ++generation_;
  changed_.notify_all();
}

}  // namespace embedtool
