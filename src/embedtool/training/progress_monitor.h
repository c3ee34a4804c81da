#pragma once
// Turns the workers' running totals into TrainProgress snapshots for the caller. It runs on the
// caller's thread, which otherwise only waits for the workers, so the training loops never
// look at a clock.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

#include "embedtool/training/learning_rate.h"
#include "embedtool/training/train_progress.h"
#include "embedtool/training/training_state.h"
#include "embedtool/training/training_worker.h"

namespace embedtool {

class ProgressMonitor {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kInterval{500};

  // `workers` hold the totals the run starts from: zero, or a resumed run's.
  ProgressMonitor(const ProgressCallback& on_progress, const ScheduleState& schedule,
                  const LinearDecay& learning_rate, int threads,
                  const std::vector<const WorkerTotals*>& workers)
      : on_progress_(on_progress),
        schedule_(schedule),
        learning_rate_(learning_rate),
        start_(Clock::now()),
        last_report_(start_) {
    progress_.words_total = schedule.words_total();
    progress_.threads = threads;
    progress_.epochs = schedule.epochs;
    progress_.words_before = schedule.words_done.load(std::memory_order_relaxed);
    for (const WorkerTotals* totals : workers) {
      progress_.loss_total += totals->loss.load(std::memory_order_relaxed);
      progress_.predictions += totals->predictions.load(std::memory_order_relaxed);
    }
  }

  // Whether kInterval has passed since the last report (the caller may wake more often).
  bool due() const { return Clock::now() - last_report_ >= kInterval; }

  // A snapshot of the workers' totals, passed to the callback.
  void report(const std::vector<const WorkerTotals*>& workers) {
    last_report_ = Clock::now();
    double loss = 0;
    std::uint64_t predictions = 0;
    for (const WorkerTotals* totals : workers) {
      loss += totals->loss.load(std::memory_order_relaxed);
      predictions += totals->predictions.load(std::memory_order_relaxed);
    }
    const std::uint64_t words = schedule_.words_done.load(std::memory_order_relaxed);
    progress_.words_done = words;
    progress_.epoch = schedule_.words_per_epoch == 0
                          ? 1
                          : static_cast<int>(std::min<std::uint64_t>(
                                words / schedule_.words_per_epoch + 1,
                                static_cast<std::uint64_t>(schedule_.epochs)));
    progress_.learning_rate = learning_rate_.at(words);
    const std::uint64_t new_predictions = predictions - progress_.predictions;
    // With nothing new since the last snapshot (the final one, just after a periodic one), the
    // last average still describes where the loss is.
    if (new_predictions > 0)
      progress_.average_loss = (loss - progress_.loss_total) / static_cast<double>(new_predictions);
    progress_.loss_total = loss;
    progress_.predictions = predictions;
    progress_.elapsed_seconds = elapsed_seconds();
    if (on_progress_) on_progress_(progress_);
  }

  double elapsed_seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  const ProgressCallback& on_progress_;
  const ScheduleState& schedule_;
  const LinearDecay& learning_rate_;
  Clock::time_point start_;
  Clock::time_point last_report_;
  TrainProgress progress_;
};

}  // namespace embedtool
