#pragma once
// The options `predict` and `test` share, declared once so that they read the same in both:
// the model, the number of labels to predict and their probability threshold.
#include <string>

#include <CLI/CLI.hpp>

#include "embedtool/classify/top_labels.h"

namespace embedtool::cli {

// -m/--model FILE (default model.emb, a classifier), -k/--top K, --threshold P.
void add_classifier_options(CLI::App& command, std::string& model_path, TopLabelsOptions& top);

// Throws UsageError unless k is 1 or more, or -1 (every label), as fastText takes it.
void check_label_count(const TopLabelsOptions& top);

}  // namespace embedtool::cli
