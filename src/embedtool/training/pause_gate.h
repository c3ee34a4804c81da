#pragma once
// How the training threads stop together for a checkpoint: the caller's thread asks, each
// worker notices at its next sentence boundary (one relaxed atomic load per sentence) and waits,
// and once every worker still running waits, the caller has the weights and positions to itself
// until it lets them go on. Workers that have finished their part are not waited for.
//
// The same gate makes the workers meet at epoch ends when a run asks for it (a classifier scored
// on a validation set after each epoch, train_control.h): a worker that finished an epoch calls
// meet(); the last running worker to arrive gets true, has the weights to itself while the
// others wait, and calls end_meeting() to let them go on. A worker waiting at a meeting counts as
// paused, so a checkpoint can be taken while some workers meet and others pause.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace embedtool {

class PauseGate {
 public:
  explicit PauseGate(std::size_t workers) : running_(workers) {}

  // Worker side. requested() is the cheap check; wait() blocks until resume() (it returns at
  // once if the request was withdrawn meanwhile). leave() is called once when the worker ends,
  // however it ends.
  bool requested() const { return requested_.load(std::memory_order_relaxed); }
  void wait();
  void leave();
  // True for the last worker to arrive, which must call end_meeting(); false once it has. A
  // worker that leaves (run stopped) while all the others meet ends their meeting: nobody gets
  // true, and they return false to find the run stopped.
  bool meet();
  void end_meeting();

  // Caller side: returns when every running worker waits (or none runs any more); the
  // mutex hand-over makes their writes to the weights visible to the caller.
  void pause_all();
  void resume();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::atomic<bool> requested_{false};
  std::size_t running_;
  std::size_t waiting_ = 0;
  std::size_t meeting_ = 0;  // workers at the epoch-end meeting, its last arrival included
  std::uint64_t meetings_ended_ = 0;  // a meeting worker's wake-up signal
  std::uint64_t generation_ = 0;  // counts resume() calls: a waiting worker's wake-up signal
};

}  // namespace embedtool
