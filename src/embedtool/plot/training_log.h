#pragma once
// The JSON log `embedtool train --log-json FILE` writes (cli/progress_line.h), read back for a
// picture: one JSON object per line, told apart by "type":
//   "progress" a report during training: words (read so far, all epochs), words_total, epoch,
//              loss (the mean per prediction since the previous report; null if it was not a
//              number), lr, elapsed (seconds);
//   "epoch"    after training, one per epoch: epoch, loss (its mean), validation_accuracy when
//              the run had a validation file;
//   "run"      last, the whole run: epochs, words, loss, seconds, words_per_second, and
//              kept_epoch and validation_accuracy with a validation file.
// Records of another type are skipped (a newer embedtool may add some); a field this reader does
// not know is ignored. A log whose "run" record is missing (a run stopped or still going) is
// read as far as it goes, and so is one whose last line is cut short (a run writing it).
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace embedtool {

struct ProgressRecord {
  std::uint64_t words = 0;
  std::uint64_t words_total = 0;
  int epoch = 0;
  std::optional<double> loss;
  double learning_rate = 0;
  double elapsed_seconds = 0;
};

struct EpochRecord {
  int epoch = 0;
  std::optional<double> loss;
  std::optional<double> validation_accuracy;
};

struct RunRecord {
  int epochs = 0;
  std::uint64_t words = 0;
  std::optional<double> loss;
  double seconds = 0;
  std::optional<int> kept_epoch;
  std::optional<double> validation_accuracy;
};

struct TrainingLog {
  std::vector<ProgressRecord> progress;
  std::vector<EpochRecord> epochs;
  std::optional<RunRecord> run;
  // What the reader left out, one line each, for the caller to warn about.
  std::vector<std::string> notes;
};

// Reads a whole log. `source` names it in messages. Throws Error naming the source and line when
// a line is not a JSON object with a "type", when a record's field has the wrong type, and when
// the log has no "progress" record at all (nothing to draw).
TrainingLog read_training_log(std::istream& input, const std::string& source);

}  // namespace embedtool
