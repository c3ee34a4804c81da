#include "embedtool/classify/test_lines.h"

#include "embedtool/errors.h"
#include "embedtool/text/input_file.h"

#include <string>
#include <vector>

namespace embedtool {

void test_lines(Classifier& classifier, LineReader& lines, const TopLabelsOptions& options,
                TestMetrics& metrics) {
  // The single best label, for accuracy and the confusion matrix, whatever k and threshold say.
  const TopLabelsOptions best_only{1, 0.0};
  std::string line;
  std::vector<std::string_view> gold;
  std::vector<float> h(classifier.dims());
  std::vector<LabelScore> predicted;
  std::vector<LabelScore> best;
  while (lines.next(line)) {
    const TextLocation where{lines.source_name(), lines.line_number(), lines.line_offset()};
    const bool has_vector = classifier.sentences().encode(line, where, gold, h);
    if (gold.empty()) {
      metrics.add_unlabelled_line();
      continue;
    }
    predicted.clear();
    best.clear();
    if (has_vector) {
      classifier.predict(h, options, predicted);
      // The predictions are best first, so their first is the best label; only when the
      // threshold left none is it searched for on its own.
      if (!predicted.empty())
        best.push_back(predicted.front());
      else
        classifier.predict(h, best_only, best);
    }
    metrics.add_example(gold, predicted,
                        best.empty() ? std::nullopt : std::optional(best.front().label));
  }
}

std::string test_files(Classifier& classifier, const std::vector<std::string>& paths,
                       const TopLabelsOptions& options, TestMetrics& metrics) {
  std::string source;
  for (const std::string& path : paths) {
    InputFile input(path);
    source += (source.empty() ? "" : ", ") + input.display_name();
    LineReader lines(input.stream(), input.display_name());
    test_lines(classifier, lines, options, metrics);
  }
  if (metrics.examples() == 0)
    throw Error(source + " has no labelled line to test on (labels are the tokens that start with " +
                classifier.sentences().settings().label_prefix.value_or("") + ")");
  return source;
}

}  // namespace embedtool
