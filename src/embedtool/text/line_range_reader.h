#pragma once
// Reads one byte range of a text file as lines, the way word2vec and fastText split a corpus
// among threads: a range [begin, end) owns the lines that *start* inside it. A line starts at
// byte 0 (after a UTF-8 byte-order mark, which is skipped) and right after each line end (LF,
// CRLF or a lone CR: line_ends.h, as LineReader). Ranges that tile the file therefore read every
// line exactly once, a line that crosses a boundary being read whole by the range it starts in.
//
// Memory stays bounded whatever the line length: a line longer than max_piece bytes comes in
// pieces, each cut just after an ASCII space or control byte. Those always separate words for
// the tokenizer (whatever its options) and never occur inside a multi-byte UTF-8 character, so
// tokenizing the pieces one by one gives the same words as tokenizing the whole line. (Only a
// single "word" longer than max_piece bytes is held whole.)
//
// Only a regular file can be read this way (ranges, rewinding and seeking read at offsets);
// standard input and pipes are read with LineReader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

class LineRangeReader {
 public:
  static constexpr std::size_t kDefaultMaxPiece = 64 * 1024;

  struct Piece {
    std::string_view text;     // valid until the next call to next()
    std::uint64_t offset = 0;  // of text's first byte in the file
    std::uint64_t line = 0;    // 1-based line number; 0 when unknown (in all ranges but the first)
    bool ends_line = false;    // false: the next piece continues the same line
  };

  // Throws Error naming `path` if the file cannot be opened. `end` may lie past the end of the
  // file.
  LineRangeReader(const std::string& path, std::uint64_t begin, std::uint64_t end,
                  std::size_t max_piece = kDefaultMaxPiece);
  ~LineRangeReader();
  LineRangeReader(const LineRangeReader&) = delete;
  LineRangeReader& operator=(const LineRangeReader&) = delete;

  // The next piece of the range's lines, or false when the range has no more. An empty line is
  // one empty piece. Throws Error on a read failure.
  bool next(Piece& piece);
  // Back to the range's first line.
  void rewind();

  // Between lines (after a piece that ended its line, or before the first): the offset where the
  // next line starts, and the number of the last line read (0 when unknown).
  std::uint64_t offset() const { return position_; }
  std::uint64_t line() const { return line_; }
  // Continues at `offset`, which must be a line start inside the range (as offset() gave), with
  // `line` as the number of the line before it. Throws Error if it is not one: a checkpoint
  // made on another file or another split.
  void seek(std::uint64_t offset, std::uint64_t line);

  std::uint64_t file_size() const { return file_size_; }

 private:
  // Makes at least `wanted` bytes from position_ available in the buffer, fewer only at the end
  // of the file. Returns how many are available.
  std::size_t fill(std::size_t wanted);
  std::uint64_t first_line_start();
  [[noreturn]] void throw_read_error() const;

  std::string path_;
  int fd_ = -1;
  std::uint64_t file_size_ = 0;
  std::uint64_t begin_;
  std::uint64_t end_;
  std::size_t max_piece_;
  std::uint64_t range_start_ = 0;  // first line start at or after begin_ (found once)
  bool range_start_known_ = false;
  bool numbering_lines_ = false;  // the range starts with the file's first line

  std::uint64_t position_ = 0;  // file offset of the next byte to return
  std::uint64_t line_ = 0;      // number of the line being read; 0 when unknown
  bool inside_line_ = false;    // the last piece did not end its line
  bool at_eof_ = false;         // the buffer holds everything up to the end of the file

  std::vector<char> buffer_;
  std::uint64_t buffer_offset_ = 0;  // file offset of buffer_[0]
  std::size_t buffer_size_ = 0;      // bytes of buffer_ holding file data
};

// Splits [0, file_size) into `parts` ranges of about equal size, as [boundaries[i],
// boundaries[i+1]) for i < parts.
std::vector<std::uint64_t> split_into_ranges(std::uint64_t file_size, std::size_t parts);

}  // namespace embedtool
