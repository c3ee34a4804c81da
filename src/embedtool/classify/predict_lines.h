#pragma once
// `embedtool predict`'s loop: one output line per input line, written as soon as the line is
// read. Answers are made visible whenever no further input is waiting, as lookup's are: a user
// typing lines, or a program using predict as a coprocess, gets each answer at once, while a
// large piped file is not written one system call per line.
#include <cstdint>

#include "embedtool/classify/classifier.h"
#include "embedtool/classify/prediction_output.h"
#include "embedtool/classify/top_labels.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

struct PredictCounts {
  std::uint64_t lines = 0;
  std::uint64_t without_input = 0;  // lines without any word the model knows: empty answers
};

// Answers every line of `lines` into `output` (not committed: the caller ends it). Labels in an
// input line are not part of its text and are ignored, as fastText's predict ignores them.
// Throws Error on a read failure or invalid UTF-8 (naming the line).
void predict_lines(Classifier& classifier, LineReader& lines, const TopLabelsOptions& options,
                   PredictionFormat format, OutputFile& output, PredictCounts& counts);

}  // namespace embedtool
