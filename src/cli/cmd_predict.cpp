// `embedtool predict -m clf.emb [FILE...]`: the best labels of each line of text, as fastText's
// predict and predict-prob print them (classify/predict_lines.h).
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "classify_options.h"
#include "commands.h"
#include "common_options.h"
#include "embedtool/classify/classifier.h"
#include "embedtool/classify/predict_lines.h"
#include "embedtool/errors.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"
#include "settings_file.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct PredictOptions {
  std::string model_path = "model.emb";
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  TopLabelsOptions top;
  bool probabilities = false;
  std::string format = "text";
};

void run_predict(const PredictOptions& options) {
  check_label_count(options.top);
  if (options.probabilities && options.format == "json")
    throw UsageError("--probabilities has no effect with --format json (json gives every "
                     "label's probability)");
  OutputFile output(options.output);  // first, so a bad output path fails before any work
  Classifier classifier(load_model(options.model_path), options.model_path);
  const PredictionFormat format = options.format == "json" ? PredictionFormat::json
                                  : options.probabilities  ? PredictionFormat::probabilities
                                                           : PredictionFormat::labels;
  PredictCounts counts;
  for (const std::string& path : options.inputs) {
    InputFile input(path);
    LineReader lines(input.stream(), input.display_name());
    predict_lines(classifier, lines, options.top, format, output, counts);
  }
  output.commit();
  if (counts.without_input > 0)
    spdlog::warn("{} of {} lines had no word the model knows: their answers are empty lines",
                 counts.without_input, counts.lines);
}

}  // namespace

void add_predict_command(CLI::App& parent) {
  auto options = std::make_shared<PredictOptions>();
  CLI::App* command = parent.add_subcommand(
      "predict",
      "Print the most probable label of each line of text (its labels, if it has any, are "
      "ignored), as fastText's predict does: one output line per input line, written as soon "
      "as the line is read. A line without any word the model knows gets an empty line.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  add_text_io_options(*command, options->inputs, options->output);
  add_classifier_options(*command, options->model_path, options->top);
  command->add_flag("--probabilities", options->probabilities,
                    "Print each label's probability after it, as fastText's predict-prob");
  restrict_to(command->add_option("--format", options->format,
                                  "text (labels separated by spaces), or json: one "
                                  "{\"predictions\":[{\"label\":…,\"probability\":…}]} object "
                                  "per line"),
              {"text", "json"})
      ->capture_default_str();
  add_quiet_option(*command);
  command->callback([options] { run_predict(*options); });
}

}  // namespace embedtool::cli
