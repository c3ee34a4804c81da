#pragma once
// Reads a text stream line by line, whatever its line ends (LF, CRLF, lone CR), dropping a UTF-8
// byte-order mark at the very start. Keeps the source name and line number so that errors can
// say where they happened. Lines of any length are returned whole.
#include <cstdint>
#include <istream>
#include <string>

namespace embedtool {

class LineReader {
 public:
  // `source_name` is only used in messages ("-" or "<stdin>" for standard input).
  LineReader(std::istream& input, std::string source_name);

  // Reads the next line into `line` without its line end. Returns false at end of input.
  // Throws Error on a read failure.
  bool next(std::string& line);

  // 1-based number of the line last returned by next().
  std::uint64_t line_number() const { return line_number_; }
  // Byte offset in the stream at which the line last returned by next() starts.
  std::uint64_t line_offset() const { return line_offset_; }
  const std::string& source_name() const { return source_name_; }

 private:
  std::istream& input_;
  std::string source_name_;
  std::uint64_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
  std::uint64_t next_offset_ = 0;
};

}  // namespace embedtool
