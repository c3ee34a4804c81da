#include "lookup_input.h"

#include "lookup_stdin.h"

namespace embedtool::cli {

void split_tokens(const std::string& text, std::vector<std::string>& tokens) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && is_space(text[at])) ++at;
    const std::size_t start = at;
    while (at < text.size() && !is_space(text[at])) ++at;
    if (at > start) tokens.emplace_back(text, start, at - start);
  }
}

void for_each_query_line(const std::vector<std::string>& arguments,
                         const std::function<void(const QueryLine&)>& on_line) {
  QueryLine query;
  if (!arguments.empty()) {
    for (const std::string& argument : arguments) split_tokens(argument, query.tokens);
    on_line(query);
    return;
  }
  StdinLines input;
  std::string line;
  while (input.next(line)) {
    query.tokens.clear();
    split_tokens(line, query.tokens);
    query.number = input.line_number();
    query.more_ready = input.line_ready();
    on_line(query);
  }
}

}  // namespace embedtool::cli
