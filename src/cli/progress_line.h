#pragma once
// How `train` shows its progress on stderr: when stderr is a terminal, one line that rewrites
// itself (percent, epoch, words/s per thread, learning rate, loss, ETA); otherwise a log line
// every few seconds, so a log file or CI output gets a readable trace without carriage-return
// noise. Nothing with --quiet. A JSON log (--log-json) is separate: see ProgressJsonLog.
#include <cstdint>
#include <fstream>

#include <nlohmann/json.hpp>
#include <string>

#include "embedtool/training/train_progress.h"

namespace embedtool::cli {

// Ends the terminal's progress line, if one is drawn and not yet ended, with a newline: called
// before anything else is written to stderr (ProgressAwareSink, error messages).
void end_progress_line();

class ProgressLine {
 public:
  // Seconds between log lines when stderr is not a terminal.
  static constexpr double kLogInterval = 5.0;

  ProgressLine();
  void update(const TrainProgress& progress);
  // Ends the line so that later messages start on a fresh one.
  void finish();

 private:
  bool terminal_;
  bool enabled_;
  double next_log_at_ = kLogInterval;
  double logged_loss_ = 0;  // loss total and predictions at the last log line
  std::uint64_t logged_predictions_ = 0;
};

// One JSON object per progress report, one per line, for plotting:
//   {"words":..., "words_total":..., "epoch":..., "loss":..., "lr":..., "elapsed":...}
// "loss" is the mean loss per prediction since the previous line. Each line is flushed as it is
// written, so the file can be followed while training runs.
class ProgressJsonLog {
 public:
  // Throws Error naming `path` when it cannot be created.
  explicit ProgressJsonLog(const std::string& path);
  // A "progress" record per report, as the log line prints it.
  void write(const TrainProgress& progress);
  // At the end: an "epoch" record per epoch (its mean loss, and its validation accuracy when the
  // run had one), then the "run" record: the whole-run figures the log prints last.
  void write_summary(const nlohmann::json& metadata, double seconds);

 private:
  void write_line(const nlohmann::json& line);
  std::string path_;
  std::ofstream file_;
};

}  // namespace embedtool::cli
