#pragma once
// Analogy files in the style of word2vec's questions-words.txt: a line `: name` starts a
// section, every other non-blank line is a question `a b c d` ("a is to b as c is to d"), the
// four words separated by spaces or tabs.
#include <array>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace embedtool {

struct AnalogyQuestion {
  std::array<std::string, 4> words;  // a, b, c and the expected answer d
  std::uint64_t line = 0;            // 1-based, for messages
};

struct AnalogySection {
  std::string name;
  std::vector<AnalogyQuestion> questions;
};

// Reads every section of `input`, in file order. Throws Error naming `source_name` and the line
// for a question line with other than four fields, a question before the first section header,
// a header without a name, or a word that is not UTF-8; and for a file without any question.
std::vector<AnalogySection> read_analogy_questions(std::istream& input,
                                                   const std::string& source_name);

}  // namespace embedtool
