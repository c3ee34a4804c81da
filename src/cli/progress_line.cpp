#include "progress_line.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "embedtool/errors.h"

namespace embedtool::cli {

namespace {

// One line at a time on one terminal: whether it has been drawn and not ended.
std::atomic<bool> progress_line_open{false};

std::string duration_text(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (total >= 3600)
    std::snprintf(text, sizeof text, "%lldh%02lldm", total / 3600, total / 60 % 60);
  else if (total >= 60)
    std::snprintf(text, sizeof text, "%lldm%02llds", total / 60, total % 60);
  else
    std::snprintf(text, sizeof text, "%llds", total);
  return text;
}

// "41.3%  epoch 2/5  412k words/s/thread  lr 0.014681  loss 2.3456  ETA 1m23s"
std::string progress_text(const TrainProgress& p, double average_loss) {
  const double done =
      p.words_total ? static_cast<double>(p.words_done) / static_cast<double>(p.words_total) : 0;
  // A resumed run counts its speed and ETA from the words it has read itself.
  const auto words_now = static_cast<double>(p.words_done - std::min(p.words_before, p.words_done));
  const double per_thread = p.elapsed_seconds > 0
                                ? words_now / p.elapsed_seconds /
                                      static_cast<double>(p.threads > 0 ? p.threads : 1)
                                : 0;
  const double words_left = static_cast<double>(p.words_total - std::min(p.words_total, p.words_done));
  const double eta = words_now > 0 ? p.elapsed_seconds * words_left / words_now : 0;
  char text[160];
  std::snprintf(text, sizeof text,
                "%5.1f%%  epoch %d/%d  %.0fk words/s/thread  lr %.6f  loss %.4f  ETA %s",
                100 * done, p.epoch, p.epochs, per_thread / 1000, p.learning_rate, average_loss,
                duration_text(eta).c_str());
  return text;
}

}  // namespace

ProgressLine::ProgressLine()
    : terminal_(::isatty(STDERR_FILENO) == 1), enabled_(spdlog::should_log(spdlog::level::info)) {}

void ProgressLine::update(const TrainProgress& p) {
  if (!enabled_ || p.words_total == 0) return;
  if (terminal_) {
    std::fprintf(stderr, "\rembedtool: %s ", progress_text(p, p.average_loss).c_str());
    std::fflush(stderr);
    progress_line_open = true;
    return;
  }
  if (p.elapsed_seconds < next_log_at_) return;
  next_log_at_ = p.elapsed_seconds + kLogInterval;
  const std::uint64_t predictions = p.predictions - logged_predictions_;
  const double average_loss =
      predictions ? (p.loss_total - logged_loss_) / static_cast<double>(predictions) : 0;
  logged_loss_ = p.loss_total;
  logged_predictions_ = p.predictions;
  spdlog::info("{}", progress_text(p, average_loss));
}

void end_progress_line() {
  if (progress_line_open.exchange(false)) std::fputc('\n', stderr);
}

void ProgressLine::finish() { end_progress_line(); }

ProgressJsonLog::ProgressJsonLog(const std::string& path) : path_(path), file_(path) {
  if (!file_) throw Error("cannot create " + path + ": " + std::strerror(errno));
}

void ProgressJsonLog::write(const TrainProgress& p) {
  write_line({{"type", "progress"},      {"words", p.words_done}, {"words_total", p.words_total},
              {"epoch", p.epoch},        {"loss", p.average_loss}, {"lr", p.learning_rate},
              {"elapsed", p.elapsed_seconds}});
}

void ProgressJsonLog::write_summary(const nlohmann::json& metadata, double seconds) {
  const nlohmann::json losses = metadata.value("epoch_losses", nlohmann::json::array());
  const nlohmann::json validation = metadata.value("validation", nlohmann::json::object());
  const nlohmann::json accuracies = validation.value("accuracies", nlohmann::json::array());
  for (std::size_t e = 0; e < losses.size(); ++e) {
    nlohmann::json line = {{"type", "epoch"}, {"epoch", e + 1}, {"loss", losses[e]}};
    if (e < accuracies.size()) line["validation_accuracy"] = accuracies[e];
    write_line(line);
  }
  const std::uint64_t words = metadata.value("corpus_words_per_epoch", std::uint64_t{0}) *
                              metadata.value("epochs", std::uint64_t{0});
  nlohmann::json run = {{"type", "run"},
                        {"words", words},
                        {"epochs", metadata.value("epochs", 0)},
                        {"loss", metadata.value("final_average_loss", 0.0)},
                        {"seconds", seconds},
                        {"words_per_second", seconds > 0 ? static_cast<double>(words) / seconds : 0.0}};
  if (validation.contains("epoch")) {
    run["kept_epoch"] = validation["epoch"];
    run["validation_accuracy"] = validation["accuracy"];
  }
  write_line(run);
}

void ProgressJsonLog::write_line(const nlohmann::json& line) {
  file_ << line.dump() << '\n' << std::flush;
  if (!file_) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
}

}  // namespace embedtool::cli
