#include "embedtool/query/case_fold.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace embedtool {

std::optional<std::string> fold_case(std::string_view word) {
  // Most words are ASCII, where folding is lowercasing; this skips utf8proc's allocation for
  // the hundreds of thousands of words of a large vocabulary.
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(word);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &mapped, UTF8PROC_CASEFOLD);
  if (length < 0) return std::nullopt;  // invalid UTF-8; nothing was allocated
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

}  // namespace embedtool
