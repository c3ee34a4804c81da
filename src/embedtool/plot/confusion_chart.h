#pragma once
// The picture of a confusion matrix (confusion_table.h): a grid of square cells, a row per true
// label and a column per predicted label, each shaded by its count (white for none, dark blue
// for the largest) with the count written in it; the labels on the left and, on their side,
// above. Labels longer than 24 characters are shortened with "…".
#include <string>

#include "embedtool/plot/chart_panel.h"
#include "embedtool/plot/confusion_table.h"

namespace embedtool {

struct ConfusionChartText {
  std::string title;         // heads the picture
  std::string about;         // under it: what was tested, e.g. "clf.emb on test.txt"
  std::string label_prefix;  // left out of labels that start with it ("__label__")
};

// The size that gives each cell 56 pixels, and the title's note room (at least 400 x 300): what
// `plot confusion` draws unless asked for another.
ChartSize natural_confusion_chart_size(const ConfusionTable& table, const ConfusionChartText& text);

std::string confusion_chart_svg(const ConfusionTable& table, const ChartSize& size,
                                const ConfusionChartText& text);

}  // namespace embedtool
