#pragma once
// Counting the words of a corpus for its vocabulary: the one way `vocab` and `train` both do it.
// A regular file is read in bounded pieces (text/line_range_reader.h), as training reads it, so
// that even a 100 MB line with no line end costs no more memory than a short one; standard input
// and pipes are read line by line as they come (text/line_reader.h). Both readers split lines
// the same way (text/line_ends.h), and all the text goes through the same tokenizer and counter.
#include <cstdint>
#include <string>
#include <vector>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct CorpusCount {
  WordCounter counter;
  std::uint64_t lines = 0;
};

// Tokenizes and counts every input in `paths` ("-" = standard input), in order. Throws Error
// naming an input that cannot be read. `memory_limit`: bytes the count's table may take before
// it is spilled to temporary files (WordCounter::limit_memory; 0: no limit).
CorpusCount count_corpus(const std::vector<std::string>& paths, const Tokenizer& tokenizer,
                         std::uint64_t memory_limit = 0);

// Counts one regular file; `display_name` names it in error messages (train counts a spooled
// standard input from a temporary file, and calls it "<stdin>").
CorpusCount count_text_file(const std::string& path, const std::string& display_name,
                            const Tokenizer& tokenizer, std::uint64_t memory_limit = 0);

// Counts the lines of a regular file that start in bytes [begin, end) (text/
// line_range_reader.h): one process's part of the corpus when several count it together.
CorpusCount count_text_range(const std::string& path, const std::string& display_name,
                             const Tokenizer& tokenizer, std::uint64_t memory_limit,
                             std::uint64_t begin, std::uint64_t end);

// The limit the counts keep to: `max_memory` (--max-memory) if set, else half the machine's
// memory, since training needs the rest afterwards.
std::uint64_t counting_memory_limit(std::uint64_t max_memory);

// "counting spilled the word table to temporary files 12 times (its memory limit is 2 GB);
// the counts are exact", or nothing when it did not spill.
std::string spill_summary(const WordCounter& counter, std::uint64_t memory_limit);

}  // namespace embedtool
