#pragma once
// Turns the training loop's running totals into TrainProgress reports, a few per second by the
// wall clock (not every N words: the rate of reports should not depend on corpus or model size).
#include <chrono>
#include <cstdint>

#include "embedtool/training/skipgram_trainer.h"

namespace embedtool {

class ProgressReporter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kInterval{500};

  ProgressReporter(const ProgressCallback& on_progress, std::uint64_t words_total)
      : on_progress_(on_progress), start_(Clock::now()), last_report_(start_) {
    progress_.words_total = words_total;
  }

  void record(double loss, std::size_t pairs) {
    loss_since_report_ += loss;
    pairs_since_report_ += pairs;
  }

  // Called once per word: the clock is read only every few words, which keeps the check far
  // below the cost of a training step even for tiny models.
  void tick(std::uint64_t words_done, int epoch, float learning_rate) {
    if (!on_progress_ || ++words_since_clock_check_ < kWordsBetweenClockChecks) return;
    words_since_clock_check_ = 0;
    const auto now = Clock::now();
    if (now - last_report_ < kInterval) return;
    last_report_ = now;
    report(words_done, epoch, learning_rate, now);
  }

  // The last report, whatever the clock says.
  void finish(std::uint64_t words_done, int epoch, float learning_rate) {
    if (on_progress_) report(words_done, epoch, learning_rate, Clock::now());
  }

  double elapsed_seconds() const {
    return std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  static constexpr int kWordsBetweenClockChecks = 32;

  void report(std::uint64_t words_done, int epoch, float learning_rate, Clock::time_point now) {
    progress_.words_done = words_done;
    progress_.epoch = epoch;
    progress_.learning_rate = learning_rate;
    progress_.average_loss =
        pairs_since_report_ ? loss_since_report_ / static_cast<double>(pairs_since_report_) : 0;
    progress_.elapsed_seconds = std::chrono::duration<double>(now - start_).count();
    loss_since_report_ = 0;
    pairs_since_report_ = 0;
    on_progress_(progress_);
  }

  const ProgressCallback& on_progress_;
  Clock::time_point start_;
  Clock::time_point last_report_;
  TrainProgress progress_;
  double loss_since_report_ = 0;
  std::uint64_t pairs_since_report_ = 0;
  int words_since_clock_check_ = 0;
};

}  // namespace embedtool
