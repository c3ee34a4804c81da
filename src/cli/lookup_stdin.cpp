#include "lookup_stdin.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "embedtool/errors.h"

namespace embedtool::cli {

namespace {
constexpr std::size_t kBlockBytes = 1 << 16;
}

bool StdinLines::read_more() {
  if (at_end_) return false;
  // Drop what was returned already, so the buffer holds one line and one block at most.
  buffer_.erase(0, start_);
  start_ = 0;
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kBlockBytes);
  ssize_t got = 0;
  do {
    got = ::read(STDIN_FILENO, buffer_.data() + old_size, kBlockBytes);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    const int error = errno;
    buffer_.resize(old_size);
    throw Error(std::string("cannot read standard input: ") + std::strerror(error));
  }
  buffer_.resize(old_size + static_cast<std::size_t>(got));
  if (got == 0) at_end_ = true;
  return got > 0;
}

bool StdinLines::line_ready() const {
  return buffer_.find('\n', start_) != std::string::npos || (at_end_ && start_ < buffer_.size());
}

bool StdinLines::next(std::string& line) {
  std::size_t searched = start_;
  std::size_t end = std::string::npos;
  while ((end = buffer_.find('\n', searched)) == std::string::npos) {
    searched = buffer_.size() - start_;  // offset from start_, which read_more resets to 0
    if (!read_more()) break;
    // read_more moved the unreturned bytes to the front.
  }
  if (end == std::string::npos) {
    if (start_ >= buffer_.size()) return false;  // end of input after a complete last line
    end = buffer_.size();                        // a last line without "\n"
  }
  line.assign(buffer_, start_, end - start_);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  start_ = end < buffer_.size() ? end + 1 : end;
  ++line_number_;
  return true;
}

}  // namespace embedtool::cli
