#include "embedtool/classify/prediction_output.h"

#include <cstdio>

#include "embedtool/formats/row_text.h"
#include "embedtool/storage/float_text.h"

namespace embedtool {
namespace {

// As fastText prints a probability (an ostream's default six significant digits).
void append_probability(std::string& out, float probability) {
  char buffer[32];
  const int length = std::snprintf(buffer, sizeof buffer, "%.6g", static_cast<double>(probability));
  out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

void append_predictions(std::string& out, PredictionFormat format, const LabelSet& labels,
                        std::span<const LabelScore> predictions) {
  if (format == PredictionFormat::json) {
    out.append("{\"predictions\":[");
    for (std::size_t i = 0; i < predictions.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.append("{\"label\":");
      append_json_string(out, labels.name(predictions[i].label));
      out.append(",\"probability\":");
      append_float(out, predictions[i].probability);  // all of the float: JSON is for programs
      out.push_back('}');
    }
    out.append("]}\n");
    return;
  }
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    if (i > 0) out.push_back(' ');
    out.append(labels.name(predictions[i].label));
    if (format == PredictionFormat::probabilities) {
      out.push_back(' ');
      append_probability(out, predictions[i].probability);
    }
  }
  out.push_back('\n');
}

}  // namespace embedtool
