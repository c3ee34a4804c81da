#include "embedtool/storage/message_format.h"

#include <cstdio>
#include <system_error>

#include "embedtool/storage/float_text.h"

namespace embedtool {

std::string decimal(std::uint64_t value) { return std::to_string(value); }

std::string shortest_decimal(float value) {
  std::string text;
  append_float(text, value);
  return text;
}

std::string hex32(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value));
  return text;
}

std::string hex_bytes(std::span<const std::byte> bytes) {
  std::string text;
  for (std::byte b : bytes) {
    char pair[4];
    std::snprintf(pair, sizeof pair, "%02x", std::to_integer<unsigned>(b));
    if (!text.empty()) text += ' ';
    text += pair;
  }
  return text;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string errno_text(int error_number) {
  return std::generic_category().message(error_number);
}

}  // namespace embedtool
