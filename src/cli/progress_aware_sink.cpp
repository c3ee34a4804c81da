#include "progress_aware_sink.h"

#include "progress_line.h"

namespace embedtool::cli {

ProgressAwareSink::ProgressAwareSink(std::shared_ptr<spdlog::sinks::sink> terminal)
    : terminal_(std::move(terminal)) {}

void ProgressAwareSink::log(const spdlog::details::log_msg& message) {
  end_progress_line();
  terminal_->log(message);
}

void ProgressAwareSink::flush() { terminal_->flush(); }

void ProgressAwareSink::set_pattern(const std::string& pattern) { terminal_->set_pattern(pattern); }

void ProgressAwareSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
  terminal_->set_formatter(std::move(formatter));
}

}  // namespace embedtool::cli
