#pragma once
// One line of `embedtool predict`'s output: the labels of one input line, best first, in
// fastText's layouts, so that its users' scripts read it:
//   labels         __label__pos __label__neu             (fastText's predict)
//   probabilities  __label__pos 0.97 __label__neu 0.02   (predict-prob; 6 significant digits)
//   json           {"predictions":[{"label":"__label__pos","probability":0.97},…]}
// A line with nothing predicted (no word the model knows, or no label above the threshold) is
// an empty line (json: an empty list), so that output line i always answers input line i.
#include <span>
#include <string>

#include "embedtool/classify/top_labels.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

enum class PredictionFormat { labels, probabilities, json };

// Appends the line, with its "\n", to `out`.
void append_predictions(std::string& out, PredictionFormat format, const LabelSet& labels,
                        std::span<const LabelScore> predictions);

}  // namespace embedtool
