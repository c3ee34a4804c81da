#include "embedtool/query/query_lines.h"

#include "embedtool/query/query_tokens.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

void for_each_query_line(const std::vector<std::string>& arguments, std::istream& input,
                         const std::string& input_name,
                         const std::function<void(const QueryLine&)>& on_line) {
  QueryLine query;
  if (!arguments.empty()) {
    for (const std::string& argument : arguments) split_tokens(argument, query.tokens);
    on_line(query);
    return;
  }
  LineReader lines(input, input_name);
  std::string line;
  while (lines.next(line)) {
    query.tokens.clear();
    split_tokens(line, query.tokens);
    query.number = lines.line_number();
    query.more_ready = lines.line_ready();
    on_line(query);
  }
}

}  // namespace embedtool
