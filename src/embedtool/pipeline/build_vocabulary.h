#pragma once
// The `vocab` job as a library call: tokenize files, count words, build the vocabulary.
#include <string>
#include <vector>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct CorpusCount {
  WordCounter counter;
  std::uint64_t lines = 0;
};

// Tokenizes and counts every file in `paths` ("-" = standard input), in order.
CorpusCount count_corpus(const std::vector<std::string>& paths, const Tokenizer& tokenizer);

}  // namespace embedtool
