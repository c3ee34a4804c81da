#include "embedtool/plot/text_width.h"

#include <string_view>

#include <utf8proc.h>

#include "embedtool/text/utf8.h"

namespace embedtool {

namespace {

// Advance widths in ems, by class (text_width.h lists the members and their measured widths).
constexpr double kNarrow = 0.42;
constexpr double kRegular = 0.64;
constexpr double kWide = 0.87;
constexpr double kWidest = 1.0;
constexpr double kOtherOneColumn = 1.1;
constexpr double kTwoColumns = 1.0;

constexpr std::string_view kNarrowAscii = "ijltfrIJ .,:;!'()[]/\\|-";
constexpr std::string_view kRegularAscii = "0123456789abcdeghknopqsuvxyzEFLPSTY$*_?{}\"`";
constexpr std::string_view kWidestAscii = "mW@%";

double ascii_width(char c) {
  if (kNarrowAscii.find(c) != std::string_view::npos) return kNarrow;
  if (kRegularAscii.find(c) != std::string_view::npos) return kRegular;
  if (kWidestAscii.find(c) != std::string_view::npos) return kWidest;
  return kWide;  // the other capitals, w, & # + < = > ^ ~ (and controls, which are replaced)
}

double character_width(char32_t c) {
  if (c < 0x80) return ascii_width(static_cast<char>(c));
  switch (utf8proc_charwidth(static_cast<utf8proc_int32_t>(c))) {
    case 0:
      return 0;
    case 2:
      return kTwoColumns;
    default:
      return kOtherOneColumn;
  }
}

}  // namespace

double estimated_text_width(std::string_view text, double font_size) {
  double ems = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t at = 0; at < text.size();) {
    const utf8::DecodedChar decoded = utf8::decode(bytes + at, text.size() - at);
    at += decoded.length;
    ems += character_width(decoded.valid ? decoded.code_point : utf8::kReplacementCharacter);
  }
  return ems * font_size;
}

std::string shortened_text(std::string_view text, std::size_t max_characters) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t characters = 0;
  std::size_t cut = 0;  // where the (max_characters - 1)th character ends
  for (std::size_t at = 0; at < text.size();) {
    if (characters + 1 == max_characters) cut = at;
    at += utf8::decode(bytes + at, text.size() - at).length;
    ++characters;
  }
  if (characters <= max_characters) return std::string(text);
  if (max_characters == 0) return {};
  return std::string(text.substr(0, cut)) + "\u2026";
}

}  // namespace embedtool
