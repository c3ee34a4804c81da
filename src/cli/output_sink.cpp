#include "output_sink.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "embedtool/errors.h"

namespace embedtool::cli {

namespace {
constexpr std::size_t kBufferBytes = 1 << 16;
}

OutputSink::OutputSink(const std::string& path) {
  if (path != "-") file_ = std::make_unique<AtomicFileWriter>(path);
  buffer_.reserve(kBufferBytes);
}

void OutputSink::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kBufferBytes) flush();
}

void OutputSink::flush() {
  if (file_) {
    file_->write(buffer_);
  } else {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size() ||
        std::fflush(stdout) != 0) {
      throw Error(std::string("cannot write to standard output: ") + std::strerror(errno));
    }
  }
  buffer_.clear();
}

void OutputSink::commit() {
  flush();
  if (file_) file_->commit();
}

}  // namespace embedtool::cli
