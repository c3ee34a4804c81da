#pragma once
// Standard input, line by line, for lookup. Unlike a std::istream, it can tell whether the next
// line has already arrived (line_ready): lookup then keeps working and flushes its output only
// when the input has run dry, so a coprocess gets each answer as soon as its line is read, and a
// large piped input is not written one system call per line. Holds one block plus the current
// line: memory stays flat on endless input.
#include <cstdint>
#include <string>

namespace embedtool::cli {

class StdinLines {
 public:
  // The next line without its "\n" (or "\r\n"); false at the end of input. Waits for the line
  // to be complete. Throws Error on a read failure.
  bool next(std::string& line);
  // True when next() can return a line without waiting for more input.
  bool line_ready() const;
  // 1-based number of the line last returned.
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool read_more();

  std::string buffer_;
  std::size_t start_ = 0;  // first byte of buffer_ not yet returned
  bool at_end_ = false;
  std::uint64_t line_number_ = 0;
};

}  // namespace embedtool::cli
