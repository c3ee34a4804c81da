#pragma once
// A classifier's validation file (`train --validation`; fastText's format, as the training file)
// read into the trainer's examples (training/validation_set.h): words by the training
// vocabulary and tokenizer, labels by the labels the training file has. Read whole lines, as
// `embedtool test` reads them, so that both score the same examples.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "embedtool/text/tokenizer.h"
#include "embedtool/training/line_input_rows.h"
#include "embedtool/training/train_settings.h"
#include "embedtool/training/training_state.h"
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
                                    const std::string& label_prefix);

// A TrainControl::on_epoch_end that scores the weights on `validation` and chooses the epoch
// that scores best (the later among equals: its rate schedule ran further), keeping its score
// in `best`. `on_score(epoch, accuracy, is_best)`, if set, hears every score. The validation
// file, the labels and `best` must outlive the run; `input_dim` is the vocabulary's and
// `settings` are the run's, resolved: with them, the input rows of its lines.
std::function<bool(int, ModelWeights&)> best_epoch_scorer(
    const ValidationFile& validation, const LabelSet& labels, std::size_t input_dim,
    const TrainSettings& settings, std::optional<double>& best,
    std::function<void(int epoch, double accuracy, bool is_best)> on_score = {});

// "0.9120"
std::string accuracy_text(double accuracy);

}  // namespace embedtool
