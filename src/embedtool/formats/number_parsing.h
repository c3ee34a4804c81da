#pragma once
// Parsing the numbers of text vector files: strictly (the whole field must be the number), so
// that a stray character is reported where it is instead of silently ending the number early.
// (Printing numbers into messages is training/message_number.h.)
#include <optional>
#include <string>
#include <string_view>

namespace embedtool {

// A decimal float32 as numpy, gensim and C's printf write them: "0.25", "-1e-05", "3.4E+38",
// "nan", "inf", with an optional leading "+". Values below the float32 range round to zero or a
// denormal as a float32 cast would. nullopt if `text` is not a number or beyond ±3.4e38.
std::optional<float> parse_float32(std::string_view text);

// A base-10 unsigned integer filling the whole of `text`, or nullopt.
std::optional<std::uint64_t> parse_count(std::string_view text);

}  // namespace embedtool
