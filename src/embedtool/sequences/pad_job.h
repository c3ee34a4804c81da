#pragma once
// `pad` as a library call: sequences read from text inputs (sequence_lines.h), padded or cut to
// rows of one length (padding.h), written as text rows of ids, one per line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/sequences/pad_vocabulary.h"
#include "embedtool/sequences/padding.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

struct PadSettings {
  std::vector<std::string> inputs{"-"};  // "-" is standard input
  // Lines are text mapped to ids with this vocabulary; without one they are integer ids.
  std::optional<PadVocabulary> vocabulary;
  TokenizerOptions tokenizer;
  GivenTokenizerOptions tokenizer_given;  // which of `tokenizer` win over a model's own
  PaddingOptions padding;
};

// Where the rows go.
class PadOutput {
 public:
  virtual ~PadOutput() = default;
  // One row as a line of text: its ids separated by spaces, and "\n".
  virtual void write(std::string_view row_line) = 0;
  // After a row written as soon as its line was read (the length was given), so that pad can
  // sit in a pipeline that is still producing: a pipe should pass the row on now.
  virtual void row_done() {}
};

// Pads every line of every input. With padding.input_length each row is written as soon as its
// line is read; without it the longest row sets the length (Keras maxlen=None), so every line is
// read before the first row is written. Throws Error as for_each_sequence_line does, and
// UsageError for tokenizer settings that are not valid (filters that are not UTF-8).
void pad_inputs(const PadSettings& settings, PadOutput& output);

// "3 0 17\n": a row as pad writes it.
std::string id_row_line(const Sequence& row);

}  // namespace embedtool
