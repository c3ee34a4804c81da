#include "embedtool/classify/predict_lines.h"

#include <string>
#include <vector>

namespace embedtool {

void predict_lines(Classifier& classifier, LineReader& lines, const TopLabelsOptions& options,
                   PredictionFormat format, OutputFile& output, PredictCounts& counts) {
  std::string line;
  std::string answer;
  std::vector<std::string_view> labels;
  std::vector<LabelScore> predictions;
  while (lines.next(line)) {
    const TextLocation where{lines.source_name(), lines.line_number(), lines.line_offset()};
    ++counts.lines;
    if (!classifier.predict_line(line, where, options, labels, predictions)) ++counts.without_input;
    answer.clear();
    append_predictions(answer, format, classifier.labels(), predictions);
    output.write(answer);
    if (!lines.line_ready()) output.flush();
  }
}

}  // namespace embedtool
