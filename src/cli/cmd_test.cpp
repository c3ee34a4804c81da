// `embedtool test -m clf.emb test.txt`: a classifier's precision and recall at k on labelled
// lines, in fastText's layout (classify/test_metrics.h says how each figure is counted).
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "classify_options.h"
#include "commands.h"
#include "common_options.h"
#include "embedtool/classify/classifier.h"
#include "embedtool/classify/test_lines.h"
#include "embedtool/classify/test_report.h"
#include "embedtool/errors.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"
#include "settings_file.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct TestOptions {
  std::string model_path = "model.emb";
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  TestReportOptions report;
  std::string format = "text";
};

void run_test(TestOptions options) {
  check_label_count(options.report.top);
  OutputFile output(options.output);  // first, so a bad output path fails before any work
  Classifier classifier(load_model(options.model_path), options.model_path);
  TestMetrics metrics(classifier.labels());
  const std::string source = test_files(classifier, options.inputs, options.report.top, metrics);
  for (const std::string& note : test_report_notes(metrics, source, options.report.confusion))
    spdlog::warn(note);
  output.write(options.format == "json" ? test_report_json(metrics, options.report).dump(2) + "\n"
                                        : test_report_text(metrics, options.report));
  output.commit();
}

}  // namespace

void add_test_command(CLI::App& parent) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = parent.add_subcommand(
      "test",
      "Score a classifier on labelled lines (fastText's format: `__label__x text`), as "
      "fastText's test prints it: N, P@k (correct labels among those predicted), R@k (among the "
      "lines' labels), then accuracy (the best label is one of the line's). Lines without a "
      "label are skipped; labels the model never saw count as missed and are named on stderr.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  add_text_io_options(*command, options->inputs, options->output);
  add_classifier_options(*command, options->model_path, options->report.top);
  command->add_flag("--per-label", options->report.per_label,
                    "First, F1-score, precision and recall of each label, as fastText's "
                    "test-label");
  command->add_flag("--confusion", options->report.confusion,
                    "Last, the confusion matrix of the single-label lines: a row per true "
                    "label, a column per predicted best label (tab-separated)");
  restrict_to(command->add_option("--format", options->format,
                                  "Output: fastText's text layout, or JSON"),
              {"text", "json"})
      ->capture_default_str();
  add_quiet_option(*command);
  command->callback([options] { run_test(*options); });
}

}  // namespace embedtool::cli
