#pragma once
// Where lookup's queries come from: the command-line arguments, taken together as one line, or
// else standard input, a line at a time as it arrives.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace embedtool::cli {

struct QueryLine {
  std::vector<std::string> tokens;  // the line split at ASCII whitespace
  std::uint64_t number = 0;         // 1-based line of standard input; 0 for the arguments
  // Another line of input has already arrived: the caller may hold its output (or group work,
  // as --nearest does) instead of flushing now.
  bool more_ready = false;
};

void for_each_query_line(const std::vector<std::string>& arguments,
                         const std::function<void(const QueryLine&)>& on_line);

// Splits `text` at ASCII whitespace, appending the pieces to `tokens`.
void split_tokens(const std::string& text, std::vector<std::string>& tokens);

}  // namespace embedtool::cli
