#pragma once
// The picture of a training run: its loss (top panel) and learning rate (bottom panel) against
// the epochs, read from its JSON log (training_log.h). The loss is the log's progress reports
// (the mean loss per prediction since the report before: a noisy, honest line) with each
// epoch's mean loss as a dot in the middle of that epoch; dashed lines mark where each epoch
// ends. A log without its "run" record (a run stopped or still going) does not say how many
// epochs there are: its x axis is then the words read, without epoch marks.
#include <string>

#include "embedtool/plot/chart_panel.h"
#include "embedtool/plot/training_log.h"

namespace embedtool {

// The SVG document. `title` heads it (e.g. the log's file name).
std::string loss_chart_svg(const TrainingLog& log, const ChartSize& size, const std::string& title);

}  // namespace embedtool
