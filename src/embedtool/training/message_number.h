#pragma once
// Printing a number into a message: "0.5", "1e-06", "nan" (printf's %g), as people read them,
// not std::to_string's fixed "0.500000". (Parsing numbers from files is formats/number_parsing.h.)
#include <cstdio>
#include <string>

namespace embedtool {

inline std::string message_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace embedtool
