#include "embedtool/storage/float_text.h"

#include <charconv>

namespace embedtool {

void append_float(std::string& out, float value) {
  // std::to_chars without a precision is the shortest round-trip form.
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace embedtool
