#include "embedtool/query/eval_line_fields.h"

namespace embedtool {

std::vector<std::string_view> split_eval_fields(std::string_view line) {
  constexpr std::string_view kSeparators = " \t";
  std::vector<std::string_view> fields;
  std::size_t start = line.find_first_not_of(kSeparators);
  while (start != std::string_view::npos) {
    const std::size_t end = line.find_first_of(kSeparators, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    start = line.find_first_not_of(kSeparators, end);
  }
  return fields;
}

}  // namespace embedtool
