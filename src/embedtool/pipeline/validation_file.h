#pragma once
// A classifier's validation file (`train --validation`; fastText's format, as the training file)
// read into the trainer's examples (training/validation_set.h): words by the training
// vocabulary and tokenizer, labels by the labels the training file has. Read whole lines, as
// `embedtool test` reads them, so that both score the same examples.
#include <cstdint>
#include <string>

#include "embedtool/text/tokenizer.h"
#include "embedtool/training/line_input_rows.h"
#include "embedtool/training/validation_set.h"
#include "embedtool/vocabulary/label_set.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct ValidationFile {
  ValidationSet examples;
  std::uint64_t unlabelled_lines = 0;     // lines without a label: skipped
  std::uint64_t unknown_label_examples = 0;  // examples none of whose labels training had
};

// Throws Error when the file cannot be read, has invalid UTF-8 (naming the line), or has no
// labelled line.
ValidationFile read_validation_file(const std::string& path, const Tokenizer& tokenizer,
                                    const Vocabulary& vocabulary, const LabelSet& labels,
                                    const std::string& label_prefix,
                                    const LineInputShape& shape);

}  // namespace embedtool
