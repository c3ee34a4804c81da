#pragma once
// Training progress as one line on stderr that rewrites itself, shown only when stderr is a
// terminal (a log file or a pipe gets no carriage-return noise) and not --quiet.
#include "embedtool/training/skipgram_trainer.h"

namespace embedtool::cli {

class ProgressLine {
 public:
  ProgressLine();
  void update(const TrainProgress& progress);
  // Ends the line so that later messages start on a fresh one.
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace embedtool::cli
