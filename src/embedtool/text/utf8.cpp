#include "embedtool/text/utf8.h"

namespace embedtool::utf8 {

DecodedChar decode(const unsigned char* bytes, std::size_t available) {
  const unsigned char lead = bytes[0];
  if (lead < 0x80) return {lead, 1, true};
  // C0 and C1 could only start overlong two-byte forms; F5..FF would exceed U+10FFFF.
  if (lead < 0xC2 || lead > 0xF4) return {};

  int continuation_bytes;
  char32_t code_point;
  // The second byte's range is narrower after some leads: that is where overlong forms,
  // surrogates and values above U+10FFFF are excluded.
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead < 0xE0) {
    continuation_bytes = 1;
    code_point = lead & 0x1F;
  } else if (lead < 0xF0) {
    continuation_bytes = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else {
    continuation_bytes = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  }

  for (int k = 1; k <= continuation_bytes; ++k) {
    const auto index = static_cast<std::size_t>(k);
    const unsigned char min = k == 1 ? second_min : 0x80;
    const unsigned char max = k == 1 ? second_max : 0xBF;
    if (index >= available || bytes[index] < min || bytes[index] > max) {
      return {0, static_cast<std::uint8_t>(k), false};
    }
    code_point = (code_point << 6) | (bytes[index] & 0x3F);
  }
  return {code_point, static_cast<std::uint8_t>(continuation_bytes + 1), true};
}

void append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool is_valid(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const DecodedChar decoded = decode(bytes + i, text.size() - i);
    if (!decoded.valid) return false;
    i += decoded.length;
  }
  return true;
}

}  // namespace embedtool::utf8
