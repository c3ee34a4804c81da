#pragma once
// Where lookup's queries come from: the command-line arguments, taken together as one line, or
// else an input stream (standard input), a line at a time as it arrives, so that lookup works
// interactively, as a coprocess and in pipelines.
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace embedtool {

struct QueryLine {
  std::vector<std::string> tokens;  // the line split at ASCII whitespace (query_tokens.h)
  std::uint64_t number = 0;         // 1-based line of the input; 0 for the arguments
  // Another line of input has already arrived: the caller may hold its output (or group work,
  // as --nearest does) instead of flushing now.
  bool more_ready = false;
};

// Calls `on_line` once with the arguments if there are any (`input` is then not read), else
// once per line of `input`, as soon as that line has been read. Lines end as for every reader
// of the text layer (LF, CRLF or a lone CR; text/line_reader.h). `input_name` is for messages.
// Throws Error on a read failure.
void for_each_query_line(const std::vector<std::string>& arguments, std::istream& input,
                         const std::string& input_name,
                         const std::function<void(const QueryLine&)>& on_line);

}  // namespace embedtool
