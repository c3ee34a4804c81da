#pragma once
// The log's sink on stderr: ends a progress line that is still open (ProgressLine draws it
// with \r and no newline on a terminal) before writing a message, so that the two never run
// together (`... ETA 0s embedtool: info: trained ...`), whoever logs, the library included.
#include <memory>
#include <string>

#include <spdlog/sinks/sink.h>

namespace embedtool::cli {

class ProgressAwareSink final : public spdlog::sinks::sink {
 public:
  explicit ProgressAwareSink(std::shared_ptr<spdlog::sinks::sink> terminal);
  void log(const spdlog::details::log_msg& message) override;
  void flush() override;
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

 private:
  std::shared_ptr<spdlog::sinks::sink> terminal_;
};

}  // namespace embedtool::cli
