#pragma once
// Numbers as people read them in messages: "0.5", "1e-06", "nan" (printf's %g), not
// std::to_string's fixed "0.500000".
#include <cstdio>
#include <string>

namespace embedtool {

inline std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace embedtool
