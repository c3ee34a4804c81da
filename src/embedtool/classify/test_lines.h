#pragma once
// `embedtool test`'s pass over a labelled file: every line with at least one label is an example
// scored against the classifier's prediction; a line without a label is counted and skipped.
#include <string>
#include <vector>

#include "embedtool/classify/classifier.h"
#include "embedtool/classify/test_metrics.h"
#include "embedtool/classify/top_labels.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

// Adds every line of `lines` to `metrics` (made for classifier.labels()). Throws Error on a read
// failure or invalid UTF-8 (naming the line).
void test_lines(Classifier& classifier, LineReader& lines, const TopLabelsOptions& options,
                TestMetrics& metrics);

// test_lines over each file of `paths` ("-": standard input) in turn; returns their names joined
// by ", ", for messages. Throws Error as test_lines does, or naming the files when none of them
// has a labelled line.
std::string test_files(Classifier& classifier, const std::vector<std::string>& paths,
                       const TopLabelsOptions& options, TestMetrics& metrics);

}  // namespace embedtool
