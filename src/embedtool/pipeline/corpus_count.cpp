#include "embedtool/pipeline/corpus_count.h"

#include <filesystem>
#include <limits>
#include <string_view>
#include <system_error>

#include "embedtool/text/input_file.h"
#include "embedtool/text/line_range_reader.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/training/memory_estimate.h"

namespace embedtool {
namespace {

// Where the text of either reader goes.
void count_words(std::string_view text, const TextLocation& where, const Tokenizer& tokenizer,
                 CorpusCount& count) {
  tokenizer.for_each_token(text, where,
                           [&count](std::string_view word) { count.counter.add(word); });
}

void add_text_file(const std::string& path, const std::string& display_name,
                   const Tokenizer& tokenizer, CorpusCount& count, std::uint64_t begin = 0,
                   std::uint64_t end = std::numeric_limits<std::uint64_t>::max()) {
  LineRangeReader reader(path, begin, end);
  LineRangeReader::Piece piece;
  while (reader.next(piece)) {
    count_words(piece.text, {display_name, piece.line, piece.offset}, tokenizer, count);
    if (piece.ends_line) ++count.lines;
  }
}

// Standard input, a pipe, or anything else that is not a regular file (InputFile says why a
// missing file or a directory cannot be read).
void add_stream(const std::string& path, const Tokenizer& tokenizer, CorpusCount& count) {
  InputFile input(path);
  LineReader reader(input.stream(), input.display_name());
  std::string line;
  while (reader.next(line)) {
    count_words(line, {reader.source_name(), reader.line_number(), reader.line_offset()}, tokenizer,
                count);
    ++count.lines;
  }
}

}  // namespace

CorpusCount count_corpus(const std::vector<std::string>& paths, const Tokenizer& tokenizer,
                         std::uint64_t memory_limit) {
  CorpusCount count;
  count.counter.limit_memory(memory_limit);
  for (const std::string& path : paths) {
    std::error_code ignored;
    if (path != "-" && std::filesystem::is_regular_file(path, ignored)) {
      add_text_file(path, path, tokenizer, count);
    } else {
      add_stream(path, tokenizer, count);
    }
  }
  return count;
}

CorpusCount count_text_file(const std::string& path, const std::string& display_name,
                            const Tokenizer& tokenizer, std::uint64_t memory_limit) {
  CorpusCount count;
  count.counter.limit_memory(memory_limit);
  add_text_file(path, display_name, tokenizer, count);
  return count;
}

CorpusCount count_text_range(const std::string& path, const std::string& display_name,
                             const Tokenizer& tokenizer, std::uint64_t memory_limit,
                             std::uint64_t begin, std::uint64_t end) {
  CorpusCount count;
  count.counter.limit_memory(memory_limit);
  add_text_file(path, display_name, tokenizer, count, begin, end);
  return count;
}

std::uint64_t counting_memory_limit(std::uint64_t max_memory) {
  return max_memory > 0 ? max_memory : physical_memory_bytes() / 2;
}

std::string spill_summary(const WordCounter& counter, std::uint64_t memory_limit) {
  if (counter.spilled_runs() == 0) return {};
  return "counting spilled the word table to temporary files " +
         std::to_string(counter.spilled_runs()) + " times (its limit is " +
         byte_size_text(memory_limit) + "); the counts are exact";
}

}  // namespace embedtool
