#pragma once
// Durations on the command line (--checkpoint-every): a number and a unit, "500ms", "30s",
// "10m", "1h"; a bare number is seconds.
#include <chrono>
#include <string>

namespace embedtool::cli {

// Throws UsageError naming `flag` if `text` is not a positive duration.
std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag);

}  // namespace embedtool::cli
