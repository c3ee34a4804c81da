#include "embedtool/pipeline/build_vocabulary.h"

#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

CorpusCount count_corpus(const std::vector<std::string>& paths, const Tokenizer& tokenizer) {
  CorpusCount result;
  std::string line;
  const auto count_word = [&result](std::string_view word) { result.counter.add(word); };
  for (const std::string& path : paths) {
    InputFile input(path);
    LineReader reader(input.stream(), input.display_name());
    while (reader.next(line)) {
      ++result.lines;
      const TextLocation where{reader.source_name(), reader.line_number(), reader.line_offset()};
      tokenizer.for_each_token(line, where, count_word);
    }
  }
  return result;
}

}  // namespace embedtool
