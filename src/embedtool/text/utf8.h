#pragma once
// UTF-8 decoding and encoding, strict as the Unicode standard requires: overlong forms,
// surrogates (U+D800..U+DFFF) and code points above U+10FFFF are invalid. Used by the text and
// vocabulary layers; not part of the library's public contract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace embedtool::utf8 {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedChar {
  char32_t code_point = 0;  // meaningful only when valid
  std::uint8_t length = 1;  // bytes consumed; for invalid input, the bytes to replace or drop
  bool valid = false;
};

// Decodes the character starting at `bytes` (`available` >= 1 bytes readable). An invalid
// sequence consumes its "maximal subpart" (a lead byte plus the continuation bytes that fit it),
// which is what Python's decoder does: b"\xe6\x97x" is one U+FFFD then "x", and each byte of an
// encoded surrogate ED A0 80 is a U+FFFD of its own.
DecodedChar decode(const unsigned char* bytes, std::size_t available);

void append(std::string& out, char32_t code_point);

bool is_valid(std::string_view text);

}  // namespace embedtool::utf8
