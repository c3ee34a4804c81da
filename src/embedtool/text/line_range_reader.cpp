#include "embedtool/text/line_range_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/text/line_ends.h"

namespace embedtool {

namespace {

// Bytes at which a long line may be cut: ASCII whitespace and control characters, which the
// tokenizer always treats as word separators (text/word_separators.h).
bool is_cut_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}

}  // namespace

LineRangeReader::LineRangeReader(const std::string& path, std::uint64_t begin, std::uint64_t end,
                                 std::size_t max_piece)
    : path_(path), begin_(begin), end_(end), max_piece_(std::max<std::size_t>(max_piece, 1)) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Error("cannot open " + path + ": " + std::strerror(errno));
  struct stat status {};
  if (::fstat(fd_, &status) != 0 || S_ISDIR(status.st_mode)) {
    // Worded as InputFile words it, so every command says the same of a folder.
    const std::string reason = S_ISDIR(status.st_mode) ? "it is a directory" : std::strerror(errno);
    ::close(fd_);
    throw Error("cannot read " + path + ": " + reason);
  }
  file_size_ = static_cast<std::uint64_t>(status.st_size);
  // Room for a whole piece plus the byte after it, read in a few large blocks.
  buffer_.resize(std::max<std::size_t>(4 * max_piece_, 1 << 16));
  rewind();
}

LineRangeReader::~LineRangeReader() { ::close(fd_); }

void LineRangeReader::rewind() {
  position_ = first_line_start();
  line_ = 0;
  inside_line_ = false;
}

void LineRangeReader::seek(std::uint64_t offset, std::uint64_t line) {
  // The range's first line, or the end of the file (after a last line without a line end).
  bool line_start =
      offset == first_line_start() || (offset == file_size_ && offset > range_start_);
  if (!line_start && offset > range_start_ && offset <= file_size_) {
    // A line starts right after a line end.
    char before = 0;
    const ssize_t got = ::pread(fd_, &before, 1, static_cast<off_t>(offset - 1));
    if (got < 0) throw_read_error();
    line_start = got == 1 && (before == '\n' || before == '\r');
  }
  if (!line_start)
    throw Error("cannot continue reading " + path_ + " at byte " + std::to_string(offset) +
                ": no line of this part of the file starts there");
  position_ = offset;
  line_ = numbering_lines_ ? line : 0;
  inside_line_ = false;
}

std::size_t LineRangeReader::fill(std::size_t wanted) {
  const std::uint64_t buffered_end = buffer_offset_ + buffer_size_;
  if (position_ < buffer_offset_ || position_ > buffered_end) {
    buffer_offset_ = position_;  // a jump (rewind): start over
    buffer_size_ = 0;
    at_eof_ = false;
  }
  std::size_t available = static_cast<std::size_t>(buffer_offset_ + buffer_size_ - position_);
  if (available >= wanted || at_eof_) return available;

  // Keep the unread bytes, at the front, and read after them.
  std::memmove(buffer_.data(), buffer_.data() + (position_ - buffer_offset_), available);
  buffer_offset_ = position_;
  buffer_size_ = available;
  if (wanted > buffer_.size()) buffer_.resize(wanted);
  while (buffer_size_ < wanted) {
    const ssize_t got = ::pread(fd_, buffer_.data() + buffer_size_, buffer_.size() - buffer_size_,
                                static_cast<off_t>(buffer_offset_ + buffer_size_));
    if (got < 0) {
      if (errno == EINTR) continue;
      throw_read_error();
    }
    if (got == 0) {
      at_eof_ = true;
      break;
    }
    buffer_size_ += static_cast<std::size_t>(got);
  }
  return buffer_size_;
}

std::uint64_t LineRangeReader::first_line_start() {
  if (range_start_known_) return range_start_;
  // The file's first line starts after its byte-order mark, if any; a range that begins at or
  // before that point starts with the first line, and knows the line numbers.
  std::uint64_t first_line = 0;
  if (begin_ <= 3) {
    position_ = 0;
    const std::size_t available = fill(kByteOrderMark.size());
    first_line = std::string_view(buffer_.data(), std::min(available, kByteOrderMark.size())) ==
                         kByteOrderMark
                     ? kByteOrderMark.size()
                     : 0;
  }
  numbering_lines_ = begin_ <= first_line;
  if (numbering_lines_) {
    range_start_ = first_line;
  } else if (begin_ >= file_size_) {
    range_start_ = std::max(begin_, file_size_);
  } else {
    // The first line end at or after byte begin - 1; the line after it is the range's first.
    position_ = begin_ - 1;
    for (;;) {
      const std::size_t available = fill(max_piece_);
      const char* data = buffer_.data() + (position_ - buffer_offset_);
      const std::size_t at = find_line_end(data, available);
      if (at < available) {
        position_ += at;
        const bool crlf =
            data[at] == '\r' && fill(2) >= 2 && buffer_[position_ - buffer_offset_ + 1] == '\n';
        range_start_ = position_ + (crlf ? 2 : 1);
        break;
      }
      position_ += available;
      if (at_eof_) {
        range_start_ = position_;
        break;
      }
    }
  }
  range_start_known_ = true;
  return range_start_;
}

bool LineRangeReader::next(Piece& piece) {
  if (!inside_line_) {
    // A new line: it must start inside the range, and before the end of the file.
    if (position_ >= end_ || fill(1) == 0) return false;
    if (numbering_lines_) ++line_;
  }
  piece.offset = position_;
  piece.line = line_;

  std::size_t available = fill(max_piece_ + 1);
  const char* data = buffer_.data() + (position_ - buffer_offset_);
  const std::size_t at = find_line_end(data, std::min(available, max_piece_));
  std::size_t taken = 0;     // bytes of text in the piece
  std::size_t consumed = 0;  // bytes the reader moves past (text and line end)
  if (at < std::min(available, max_piece_)) {
    // The whole rest of the line fits. The byte after a CR is buffered (or the file ended),
    // since at < max_piece_ and max_piece_ + 1 bytes were asked for.
    const bool crlf = data[at] == '\r' && at + 1 < available && data[at + 1] == '\n';
    taken = at;
    consumed = at + (crlf ? 2 : 1);
    piece.ends_line = true;
  } else if (available <= max_piece_ && at_eof_) {
    // The last line of the file, without a line end.
    taken = consumed = available;
    piece.ends_line = true;
  } else {
    // A long line: cut after the last separator byte of the first max_piece_ bytes.
    std::size_t cut = max_piece_;
    while (cut > 0 && !is_cut_byte(data[cut - 1])) --cut;
    // No separator at all: one huge word. Look further, however far it takes.
    for (std::size_t scanned = max_piece_; cut == 0;) {
      available = fill(2 * std::max(scanned, available));
      data = buffer_.data() + (position_ - buffer_offset_);
      const auto found = std::find_if(data + scanned, data + available, is_cut_byte);
      if (found != data + available) {
        // Stop before a line end (the next call ends the line), after any other separator.
        const bool line_end = *found == '\n' || *found == '\r';
        cut = static_cast<std::size_t>(found - data) + (line_end ? 0 : 1);
        if (cut == 0) cut = 1;  // unreachable: scanned >= max_piece_ >= 1
      } else if (at_eof_) {
        cut = available;
      } else {
        scanned = available;
      }
    }
    taken = consumed = cut;
    piece.ends_line = false;
  }
  piece.text = std::string_view(data, taken);
  position_ += consumed;
  inside_line_ = !piece.ends_line;
  return true;
}

void LineRangeReader::throw_read_error() const {
  throw Error("cannot read " + path_ + ": " + std::strerror(errno));
}

std::vector<std::uint64_t> split_into_ranges(std::uint64_t file_size, std::size_t parts) {
  std::vector<std::uint64_t> boundaries(parts + 1);
  for (std::size_t i = 0; i <= parts; ++i)
    boundaries[i] =
        static_cast<std::uint64_t>(static_cast<unsigned __int128>(file_size) * i / parts);
  return boundaries;
}

}  // namespace embedtool
