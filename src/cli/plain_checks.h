#pragma once
// Validators whose help and errors speak in words and plain numbers: a choice is shown as
// `pre|post` and refused with `must be pre or post, not "left"`; a range is refused with `must be
// 0 or more, not -3`. CLI11 2.1's own CheckedTransformer, IsMember and Range print the enum's
// integers (`{post->1,pre->0} OR {1,0}`) and the limits as floats (DBL_MAX in 309 digits).
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace embedtool::cli {

// Restricts `option` to `names`; the value the option converts is values[i] for names[i].
CLI::Option* restrict_to_names(CLI::Option* option, const std::vector<std::string>& names,
                               const std::vector<std::string>& values);

// "a", "a or b", "a, b or c".
std::string words_with_or(const std::vector<std::string>& words);

// A choice's value as the text CLI11 converts to T (an enum from its integer, as CLI11 does).
template <class T>
std::string choice_value_text(const T& value) {
  if constexpr (std::is_same_v<T, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_enum_v<T>) {
    return std::to_string(static_cast<std::underlying_type_t<T>>(value));
  } else {
    return std::to_string(value);
  }
}

// Restricts `option` to the names of `choices` (help: `name1|name2`, in this order).
template <class T>
CLI::Option* restrict_to(CLI::Option* option,
                         const std::vector<std::pair<std::string, T>>& choices) {
  std::vector<std::string> names;
  std::vector<std::string> values;
  for (const auto& [name, value] : choices) {
    names.push_back(name);
    values.push_back(choice_value_text(value));
  }
  return restrict_to_names(option, names, values);
}

inline CLI::Option* restrict_to(CLI::Option* option, const std::vector<std::string>& names) {
  return restrict_to_names(option, names, names);
}

// A number as a person writes it: 1000, 0.5, 1e-09 (never 179769313486...).
std::string plain_number(long double value);

// The numbers from `low` to `high`, both included; `high` at T's largest value means "no upper
// limit". A whole number is required when T is an integer type.
template <class T>
CLI::Validator between(T low, T high) {
  const bool whole = std::is_integral_v<T>;
  const bool unbounded = high == std::numeric_limits<T>::max();
  const std::string range = unbounded ? plain_number(low) + " or more"
                                      : "from " + plain_number(low) + " to " + plain_number(high);
  const auto low_value = static_cast<long double>(low);
  const auto high_value = static_cast<long double>(high);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        const char* begin = text.c_str();
        char* end = nullptr;
        const long double value = std::strtold(begin, &end);
        if (text.empty() || end != begin + text.size() || std::isnan(value))
          return "must be a number " + range + ", not \"" + text + "\"";
        if (whole && value != std::floor(value))
          return "must be a whole number " + range + ", not " + text;
        if (value < low_value || value > high_value) return "must be " + range + ", not " + text;
        return {};
      },
      "", "between");
}

template <class T>
CLI::Validator at_least(T low) {
  return between(low, std::numeric_limits<T>::max());
}

}  // namespace embedtool::cli
