#include "embedtool/sequences/labelled_line.h"

namespace embedtool {
namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

}  // namespace

void split_labels(std::string_view line, std::string_view prefix,
                  std::vector<std::string_view>& labels, std::string& text) {
  labels.clear();
  text.clear();
  std::size_t kept_from = 0;  // the start of the line's text not yet copied to `text`
  std::size_t i = 0;
  while (i < line.size()) {
    if (is_separator(line[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < line.size() && !is_separator(line[i])) ++i;
    const std::string_view token = line.substr(begin, i - begin);
    if (!token.starts_with(prefix)) continue;
    labels.push_back(token);
    text.append(line.substr(kept_from, begin - kept_from));
    text.push_back(' ');
    kept_from = i;
  }
  text.append(line.substr(kept_from));
}

}  // namespace embedtool
