#include "embedtool/text/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>
#include <ios>
#include <utility>

#include "embedtool/errors.h"
#include "embedtool/text/line_ends.h"
#include "embedtool/text/location_message.h"

namespace embedtool {
namespace {

// Large enough that per-block costs vanish, small enough to stay in the L2 cache.
constexpr std::size_t kBlockSize = std::size_t{1} << 20;

}  // namespace

LineReader::LineReader(std::istream& input, std::string source_name)
    : input_(input),
      source_name_(std::move(source_name)),
      buffer_(std::make_unique_for_overwrite<char[]>(kBlockSize + 1)) {}

bool LineReader::next(std::string& line) {
  if (!started_) start();
  if (after_cr_) {
    after_cr_ = false;
    if ((begin_ != end_ || read_more()) && buffer_[begin_] == '\n') {
      ++begin_;
      ++next_offset_;
    }
  }
  if (begin_ == end_ && !read_more()) return false;

  line.clear();
  line_offset_ = next_offset_;
  ++line_number_;
  for (;;) {
    const char* from = buffer_.get() + begin_;
    const char* to = buffer_.get() + end_;
    const char* line_end = from + find_line_end(from, static_cast<std::size_t>(to - from));
    line.append(from, line_end);
    const auto taken = static_cast<std::size_t>(line_end - from);
    begin_ += taken;
    next_offset_ += taken;
    if (line_end != to) {
      after_cr_ = *line_end == '\r';
      ++begin_;
      ++next_offset_;
      return true;
    }
    if (!read_more()) return true;  // the last line has no line end
  }
}

bool LineReader::line_ready() const {
  std::size_t from = begin_;
  // An LF right after a CR is the rest of a CRLF, which next() skips: not a line of its own.
  if (after_cr_ && from != end_ && buffer_[from] == '\n') ++from;
  if (from == end_) return false;
  // At the end of input the rest is the last line, even without a line end.
  return at_end_ || find_line_end(buffer_.get() + from, end_ - from) != end_ - from;
}

void LineReader::start() {
  started_ = true;
  if (input_.fail()) {
    throw Error("cannot read input" + location_message(source_name_, 0));
  }
  // Wait for more bytes only while they still look like a BOM, so that an interactive first
  // line is not held back.
  auto could_be_bom = [this] {
    const std::size_t compared = std::min(end_ - begin_, kByteOrderMark.size());
    return std::string_view(buffer_.get() + begin_, compared) ==
           kByteOrderMark.substr(0, compared);
  };
  while (end_ - begin_ < kByteOrderMark.size() && could_be_bom() && read_more()) {
  }
  if (end_ - begin_ >= kByteOrderMark.size() && could_be_bom()) {
    begin_ += kByteOrderMark.size();
    next_offset_ += kByteOrderMark.size();
  }
}

bool LineReader::read_more() {
  if (at_end_) return false;
  if (begin_ == end_) begin_ = end_ = 0;
  const std::size_t got = read_available(buffer_.get() + end_, kBlockSize - end_);
  if (input_.bad()) throw_read_error();
  if (got == 0) {
    at_end_ = true;
    return false;
  }
  end_ += got;
  return true;
}

std::size_t LineReader::read_available(char* destination, std::size_t room) {
  try {
    // Reading on after end of file would set failbit, which may be set to throw.
    if (input_.eof()) return 0;
    errno = 0;  // so that a failed read's errno, and no older one, names the reason
    const auto max = static_cast<std::streamsize>(room);
    std::streamsize got = input_.readsome(destination, max);
    if (got > 0 || input_.bad() || input_.eof()) return static_cast<std::size_t>(got);
    // Nothing buffered: wait for the next byte, then take what has arrived with it.
    const auto next_char = input_.peek();
    if (next_char == std::istream::traits_type::eof()) return 0;
    got = input_.readsome(destination, max);
    if (got > 0) return static_cast<std::size_t>(got);
    // An unbuffered stream reports nothing available: read up to the end of the line, which
    // is all an interactive user may have typed. get() stores a NUL, hence room for one more.
    if (next_char == '\n') {
      input_.get(destination[0]);
      return input_.gcount() > 0 ? 1 : 0;
    }
    input_.get(destination, max + 1, '\n');
    return static_cast<std::size_t>(input_.gcount());
  } catch (const std::ios_base::failure&) {
    // Only reached when the caller enabled exceptions on the stream.
    throw_read_error();
  }
}

void LineReader::throw_read_error() const {
  // The stream keeps no reason of its own; the system's is in errno when a read(2) failed
  // (EISDIR for `lookup < folder`, worded as InputFile words a folder given by name).
  const std::string reason = errno == EISDIR ? ": it is a directory"
                             : errno != 0    ? ": " + std::generic_category().message(errno)
                                             : "";
  throw Error("read error" + reason +
              location_message(source_name_, 0, next_offset_ + (end_ - begin_)));
}

}  // namespace embedtool
