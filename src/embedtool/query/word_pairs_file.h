#pragma once
// Word-similarity files in the WordSim-353 / SimLex-999 style: lines starting with `#` are
// comments, blank lines are ignored, every other line is `word1 word2 score` with the three
// fields separated by spaces or tabs. Scores are human judgements (any finite decimal number).
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace embedtool {

struct WordPair {
  std::string first;
  std::string second;
  double score = 0;
  std::uint64_t line = 0;  // 1-based, for messages
};

// Reads every pair of `input`. Throws Error naming `source_name` and the line for a line with
// other than three fields, a score that is not a finite number, or a word that is not UTF-8;
// and for a file without any pair (probably the wrong file).
std::vector<WordPair> read_word_pairs(std::istream& input, const std::string& source_name);

}  // namespace embedtool
