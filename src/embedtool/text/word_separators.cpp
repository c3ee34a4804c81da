#include "embedtool/text/word_separators.h"

#include <utf8proc.h>

#include "embedtool/text/utf8.h"

namespace embedtool {

bool is_space_or_control(char32_t code_point) {
  if (code_point <= 0x20 || code_point == 0x7F) return true;
  if (code_point < 0x80) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return true;
    default:
      return false;
  }
}

std::size_t find_space_or_control(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const utf8::DecodedChar decoded = utf8::decode(bytes + i, text.size() - i);
    if (decoded.valid && is_space_or_control(decoded.code_point)) return i;
    i += decoded.length;
  }
  return std::string_view::npos;
}

}  // namespace embedtool
