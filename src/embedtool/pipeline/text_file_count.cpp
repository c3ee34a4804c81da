#include "embedtool/pipeline/text_file_count.h"

#include <limits>

#include "embedtool/training/line_range_reader.h"

namespace embedtool {

CorpusCount count_text_file(const std::string& path, const std::string& display_name,
                            const Tokenizer& tokenizer) {
  CorpusCount result;
  LineRangeReader reader(path, 0, std::numeric_limits<std::uint64_t>::max());
  LineRangeReader::Piece piece;
  const auto count_word = [&result](std::string_view word) { result.counter.add(word); };
  while (reader.next(piece)) {
    tokenizer.for_each_token(piece.text, {display_name, piece.line, piece.offset}, count_word);
    if (piece.ends_line) ++result.lines;
  }
  return result;
}

}  // namespace embedtool
