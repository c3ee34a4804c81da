#include "classify_options.h"

#include "embedtool/errors.h"
#include "plain_checks.h"

namespace embedtool::cli {

void add_classifier_options(CLI::App& command, std::string& model_path, TopLabelsOptions& top) {
  command.add_option("-m,--model", model_path,
                     "A classifier trained with `embedtool train --supervised` (.emb)")
      ->capture_default_str()
      ->option_text("FILE");
  command.add_option("-k,--top", top.k, "Predict the K most probable labels of each line; -1: all (default 1)")
      ->capture_default_str()
      ->option_text("K");
  command.add_option("--threshold", top.threshold,
                     "Predict only labels at least this probable (0 to 1; default 0)")
      ->check(between(0.0, 1.0))
      ->capture_default_str()
      ->option_text("P");
}

void check_label_count(const TopLabelsOptions& top) {
  if (top.k < 1 && top.k != kAllLabels)
    throw UsageError("-k " + std::to_string(top.k) +
                     ": give 1 or more labels, or -1 for every label");
}

}  // namespace embedtool::cli
