#include "train_duration.h"

#include <cmath>
#include <cstdlib>

#include "embedtool/errors.h"

namespace embedtool::cli {

std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  const std::string unit(end);
  double milliseconds_per_unit = 0;
  if (unit.empty() || unit == "s") milliseconds_per_unit = 1e3;
  else if (unit == "ms") milliseconds_per_unit = 1;
  else if (unit == "m") milliseconds_per_unit = 60e3;
  else if (unit == "h") milliseconds_per_unit = 3600e3;
  const double milliseconds = number * milliseconds_per_unit;
  // At most a year: anything longer is a typo, and would overflow the clock arithmetic.
  if (end == begin || milliseconds_per_unit == 0 || !(milliseconds >= 1) ||
      milliseconds > 365 * 24 * 3600e3)
    throw UsageError(flag + " takes a duration such as 30s, 10m or 1h (got \"" + text + "\")");
  return std::chrono::milliseconds(static_cast<long long>(std::llround(milliseconds)));
}

}  // namespace embedtool::cli
