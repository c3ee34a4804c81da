#pragma once
// Reads a text stream line by line, whatever its line ends (LF, CRLF, lone CR: line_ends.h),
// dropping a UTF-8 byte-order mark at the very start. For standard input and pipes, where lines
// must come as soon as they are typed; a regular file can also be read in byte ranges and
// bounded pieces with line_range_reader.h, which splits lines the same way. Keeps the source
// name and line number so that errors can say where they happened. Lines of any length are
// returned whole.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>

namespace embedtool {

class LineReader {
 public:
  // `source_name` is only used in messages ("-" or "<stdin>" for standard input).
  // Reads in large blocks, so `input` must not be read by anyone else while the reader is used.
  // Whatever is already available is taken without waiting for a full block, so an interactive
  // user gets each line as soon as it is typed. For speed on standard input, the program should
  // call std::ios::sync_with_stdio(false): std::cin synced with C stdio has no buffer, and is
  // read a line at a time through much slower calls.
  LineReader(std::istream& input, std::string source_name);

  // Reads the next line into `line` without its line end. Returns false at end of input.
  // Throws Error on a read failure, or if `input` is already failed when reading starts (a file
  // that could not be opened).
  bool next(std::string& line);

  // True when next() can return a line from what has already been read, without waiting for
  // more input. A caller answering lines (lookup as a coprocess) keeps working while lines are
  // queued and flushes its answers only when the input has run dry: each answer still comes as
  // soon as its line is read, yet a large piped input is not written one system call per line.
  bool line_ready() const;

  // 1-based number of the line last returned by next().
  std::uint64_t line_number() const { return line_number_; }
  // Byte offset in the stream at which the line last returned by next() starts. A dropped
  // byte-order mark counts: the first line of a file with a BOM starts at byte 3.
  std::uint64_t line_offset() const { return line_offset_; }
  const std::string& source_name() const { return source_name_; }

 private:
  void start();
  // Appends more input to the buffer; returns false at end of input.
  bool read_more();
  std::size_t read_available(char* destination, std::size_t room);
  [[noreturn]] void throw_read_error() const;

  std::istream& input_;
  std::string source_name_;
  std::uint64_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
  std::uint64_t next_offset_ = 0;

  std::unique_ptr<char[]> buffer_;  // bytes [begin_, end_) are read but not yet returned
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool started_ = false;
  bool at_end_ = false;
  bool after_cr_ = false;  // the last line ended in CR, so an LF right after it is part of a CRLF
};

}  // namespace embedtool
