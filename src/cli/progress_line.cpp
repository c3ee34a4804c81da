#include "progress_line.h"

#include <unistd.h>

#include <cstdio>

#include <spdlog/spdlog.h>

namespace embedtool::cli {

ProgressLine::ProgressLine()
    : enabled_(::isatty(STDERR_FILENO) == 1 && spdlog::should_log(spdlog::level::info)) {}

void ProgressLine::update(const TrainProgress& p) {
  if (!enabled_ || p.words_total == 0) return;
  const double done = static_cast<double>(p.words_done) / static_cast<double>(p.words_total);
  const double words_per_second = p.elapsed_seconds > 0 ? p.words_done / p.elapsed_seconds : 0;
  const double eta = done > 0 ? p.elapsed_seconds * (1 - done) / done : 0;
  std::fprintf(stderr, "\rembedtool: epoch %d  %5.1f%%  %8.0f words/s  lr %.5f  loss %.4f  ETA %4.0fs ",
               p.epoch, 100 * done, words_per_second, p.learning_rate, p.average_loss, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace embedtool::cli
