#pragma once
// The lines of a text file held in memory (mapped), with the line number and byte offset of
// each for error messages. Lines end in LF or CRLF; a UTF-8 byte-order mark at the start is
// skipped. Vector files are read this way rather than through a stream so that a reader can stop
// after --limit rows without touching the rest of a multi-gigabyte file.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace embedtool {

class TextLines {
 public:
  explicit TextLines(std::span<const std::byte> bytes);

  // The next line without its line end; false at the end of the text.
  bool next(std::string_view& line);

  // 1-based number of the line last returned by next(), and the byte offset of its start.
  std::uint64_t line_number() const { return line_number_; }
  std::uint64_t line_offset() const { return line_offset_; }

  // True if nothing but spaces, tabs and line ends remains after the last line returned.
  bool rest_is_blank() const;

 private:
  std::string_view text_;
  std::size_t next_ = 0;
  std::uint64_t line_number_ = 0;
  std::uint64_t line_offset_ = 0;
};

// `line` without trailing spaces, tabs and CRs (fastText ends every .vec row with a space).
std::string_view trim_line_end(std::string_view line);

}  // namespace embedtool
