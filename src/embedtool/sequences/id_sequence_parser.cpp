#include "embedtool/sequences/id_sequence_parser.h"

#include <charconv>
#include <cstdio>
#include <string>
#include <system_error>

#include "embedtool/errors.h"
#include "embedtool/text/location_message.h"

namespace embedtool {
namespace {

// The C locale's isspace set, spelled out so the parser does not depend on the global locale.
bool is_ascii_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Tokens are echoed back in error messages; a bad token may hold control bytes or invalid UTF-8
// or be very long, and the message must stay one readable line.
std::string quote_token(std::string_view token) {
  constexpr std::size_t kMaxShownBytes = 40;
  std::string quoted = "\"";
  for (std::size_t i = 0; i < token.size() && i < kMaxShownBytes; ++i) {
    const auto byte = static_cast<unsigned char>(token[i]);
    if (byte == '"' || byte == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(byte);
    } else if (byte >= 0x20 && byte < 0x7f) {
      quoted += static_cast<char>(byte);
    } else {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      quoted += escaped;
    }
  }
  quoted += '"';
  if (token.size() > kMaxShownBytes) {
    quoted += "...";
  }
  return quoted;
}

WordId parse_id(std::string_view token, const TextLocation& where, std::size_t offset_in_line) {
  // from_chars takes a '-' but not a '+'; accept one '+' only when a digit follows, so "+-3" and
  // "+" stay errors.
  std::string_view digits = token;
  if (digits.size() > 1 && digits.front() == '+' && digits[1] >= '0' && digits[1] <= '9') {
    digits.remove_prefix(1);
  }
  WordId id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error == std::errc() && end == digits.data() + digits.size()) {
    return id;
  }
  const std::string place =
      location_message(where.source, where.line, where.line_offset + offset_in_line);
  if (error == std::errc::result_out_of_range && end == digits.data() + digits.size()) {
    throw Error("id does not fit in 64 bits: " + quote_token(token) + place);
  }
  throw NotAnIdError("not an integer id: " + quote_token(token) + place);
}

}  // namespace

Sequence parse_id_sequence(std::string_view line, const TextLocation& where) {
  Sequence ids;
  std::size_t position = 0;
  while (position < line.size()) {
    if (is_ascii_whitespace(line[position])) {
      ++position;
      continue;
    }
    const std::size_t token_start = position;
    while (position < line.size() && !is_ascii_whitespace(line[position])) {
      ++position;
    }
    ids.push_back(parse_id(line.substr(token_start, position - token_start), where, token_start));
  }
  return ids;
}

}  // namespace embedtool
