#include "embedtool/query/query_tokens.h"

namespace embedtool {

void split_tokens(const std::string& text, std::vector<std::string>& tokens) {
  // The C locale's isspace set, spelled out so that the global locale cannot change it.
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

}  // namespace embedtool
