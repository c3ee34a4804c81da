#include "embedtool/formats/number_parsing.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace embedtool {

std::optional<float> parse_float32(std::string_view text) {
  if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') {
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  const char* end = text.data() + text.size();
  float value = 0;
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error == std::errc() && stop == end) return value;
  if (error != std::errc::result_out_of_range) return std::nullopt;
  // Out of float range. Values too small for a float32 (a float64 file printed in full) become
  // zero or a denormal as a float32 cast would make them; values too large are not numbers we
  // can hold. strtod tells the two apart (the program runs in the "C" locale: "." is the point).
  const std::string copy(text);
  char* wide_end = nullptr;
  const double wide = std::strtod(copy.c_str(), &wide_end);
  if (wide_end != copy.c_str() + copy.size()) return std::nullopt;
  if (!(std::abs(wide) <= std::numeric_limits<float>::max())) return std::nullopt;
  return static_cast<float>(wide);
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace embedtool
