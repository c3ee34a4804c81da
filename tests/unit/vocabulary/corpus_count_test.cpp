// Counts the shared English corpus end to end (LineReader -> Tokenizer -> WordCounter) and checks
// figures that a Python run of Keras' text_to_word_sequence gives on the same file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "embedtool/text/line_reader.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/word_counter.h"

TEST_CASE("counting en-raw.txt gives the expected vocabulary") {
  const std::filesystem::path corpus =
      std::filesystem::path(EMBEDTOOL_SHARED_DATA_DIR) / "en-raw.txt";
  if (!std::filesystem::exists(corpus)) {
    MESSAGE("skipped: " << corpus.string() << " is absent");
    return;
  }
  std::ifstream input(corpus, std::ios::binary);
  embedtool::LineReader reader(input, corpus.string());
  const embedtool::Tokenizer tokenizer;
  embedtool::WordCounter counter;
  std::string line;
  while (reader.next(line)) {
    const embedtool::TextLocation where{reader.source_name(), reader.line_number(),
                                        reader.line_offset()};
    tokenizer.for_each_token(line, where, [&counter](std::string_view w) { counter.add(w); });
  }
  CHECK(reader.line_number() == 294946);
  CHECK(counter.tokens_seen() == 7997708);
  // The same figure as Python's (str.lower turns "İ" into two code points, and so do we).
  CHECK(counter.distinct_words() == 179798);
  const embedtool::Vocabulary vocabulary = counter.build({});
  CHECK(vocabulary.word(2) == "the");
  CHECK(vocabulary.count(2) == 485197);
  CHECK(vocabulary.word(3) == "of");
  CHECK(vocabulary.id_of("don't").has_value());
}
