#include "embedtool/formats/text_lines.h"

#include <cstring>

namespace embedtool {

TextLines::TextLines(std::span<const std::byte> bytes)
    : text_(reinterpret_cast<const char*>(bytes.data()), bytes.size()) {
  if (text_.starts_with("\xEF\xBB\xBF")) next_ = 3;
}

bool TextLines::next(std::string_view& line) {
  if (next_ >= text_.size()) return false;
  const char* start = text_.data() + next_;
  const auto* newline = static_cast<const char*>(std::memchr(start, '\n', text_.size() - next_));
  const std::size_t length = newline != nullptr ? static_cast<std::size_t>(newline - start)
                                                : text_.size() - next_;
  line = std::string_view(start, length);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line_offset_ = next_;
  ++line_number_;
  next_ += length + (newline != nullptr ? 1 : 0);
  return true;
}

bool TextLines::rest_is_blank() const {
  for (std::size_t i = next_; i < text_.size(); ++i) {
    const char c = text_[i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

std::string_view trim_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace embedtool
