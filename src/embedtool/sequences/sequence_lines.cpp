#include "embedtool/sequences/sequence_lines.h"

#include "embedtool/sequences/id_sequence_parser.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

void for_each_sequence_line(const std::vector<std::string>& inputs, const TextEncoder* text,
                            const std::function<void(Sequence&&)>& on_sequence) {
  std::string line;
  for (const std::string& path : inputs) {
    InputFile input(path);
    LineReader reader(input.stream(), input.display_name());
    while (reader.next(line)) {
      const TextLocation where{reader.source_name(), reader.line_number(), reader.line_offset()};
      on_sequence(text ? text->encode(line, where) : parse_id_sequence(line, where));
    }
  }
}

}  // namespace embedtool
