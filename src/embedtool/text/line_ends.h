#pragma once
// What ends a line, for every line reader of the text layer (line_reader.h on streams,
// line_range_reader.h on byte ranges of a file), so that they cannot split a text differently:
// LF, CRLF or a lone CR (old Mac files), and a UTF-8 byte-order mark that is not part of the
// first line.
#include <cstddef>
#include <cstring>
#include <string_view>

namespace embedtool {

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Offset of the first LF or CR in data[0, size), or size. Two memchr passes (LF, then CR before
// it) beat a byte loop: most text has no CR at all.
inline std::size_t find_line_end(const char* data, std::size_t size) {
  const void* lf = std::memchr(data, '\n', size);
  const std::size_t lf_at =
      lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - data) : size;
  const void* cr = std::memchr(data, '\r', lf_at);
  return cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - data) : lf_at;
}

}  // namespace embedtool
