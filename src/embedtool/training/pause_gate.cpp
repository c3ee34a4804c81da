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
  changed_.notify_all();
}

void PauseGate::pause_all() {
  std::unique_lock lock(mutex_);
  requested_.store(true, std::memory_order_relaxed);
  changed_.wait(lock, [&] { return waiting_ == running_; });
}

void PauseGate::resume() {
  std::lock_guard lock(mutex_);
  requested_.store(false, std::memory_order_relaxed);
  waiting_ = 0;  // every waiting worker is released by this generation change
  ++generation_;
  changed_.notify_all();
}

}  // namespace embedtool
