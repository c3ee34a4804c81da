// `embedtool plot loss|map|confusion`: SVG pictures of what was learned, for a browser. Each
// command reads its input through the library, asks embedtool/plot/ for the picture and writes
// it atomically (-o FILE; "-" for standard output).
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "embedtool/classify/classifier.h"
#include "embedtool/classify/test_lines.h"
#include "embedtool/classify/test_report.h"
#include "embedtool/errors.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/plot/confusion_chart.h"
#include "embedtool/plot/loss_chart.h"
#include "embedtool/plot/map_rows.h"
#include "embedtool/plot/pca_projection.h"
#include "embedtool/plot/training_log.h"
#include "embedtool/plot/word_map.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"
#include "plain_checks.h"
#include "settings_file.h"
#include "vector_options.h"

namespace embedtool::cli {

namespace {

// What every picture takes: where it goes, its size, its title.
struct PictureOptions {
  std::string output = "-";
  const CLI::Option* output_option = nullptr;
  ChartSize size;  // 0: the picture's natural size (confusion: what fits its labels)
  std::string title;  // empty: the input's name
};

struct LossOptions {
  std::string log;
  PictureOptions picture;
};

struct MapOptions {
  std::string model_path = "model.emb";
  std::vector<std::string> words;
  std::size_t top = 100;
  LoadOptions load;
  PictureOptions picture{"-", nullptr, {900, 700}, {}};
};

struct ConfusionOptions {
  std::string model_path = "model.emb";
  std::vector<std::string> inputs{"-"};
  std::size_t top = 20;
  PictureOptions picture{"-", nullptr, {0, 0}, {}};
};

void add_picture_options(CLI::App& command, PictureOptions& picture) {
  picture.output_option =
      command.add_option("-o,--output", picture.output,
                         "Write the SVG picture here (atomically); - for standard output")
          ->option_text("FILE");
  const auto with_default = [](CLI::Option* option, int value) {
    if (value == 0) option->default_str("fits");
    else option->capture_default_str();
  };
  with_default(command.add_option("--width", picture.size.width, "Width of the picture in pixels")
                   ->check(between(300, 20000)),
               picture.size.width);
  with_default(command.add_option("--height", picture.size.height, "Height of the picture in pixels")
                   ->check(between(200, 20000)),
               picture.size.height);
  command.add_option("--title", picture.title, "The picture's title (default: the input's name)")
      ->option_text("TEXT");
}

// Opened before any work, so that a bad path fails at once. A picture is not written to a
// terminal unless asked for with -o -: a screen of XML is never what was meant.
OutputFile open_picture(const PictureOptions& picture) {
  if (picture.output == "-" && picture.output_option->count() == 0 && isatty(STDOUT_FILENO))
    throw UsageError("an SVG picture is not for a terminal: give -o FILE.svg (or -o - to write "
                     "it to the terminal anyway)");
  return OutputFile(picture.output);
}

void write_picture(OutputFile& output, const std::string& svg) {
  output.write(svg);
  output.commit();
}

void run_plot_loss(const LossOptions& options) {
  OutputFile output = open_picture(options.picture);
  InputFile input(options.log);
  const TrainingLog log = read_training_log(input.stream(), input.display_name());
  for (const std::string& note : log.notes) spdlog::warn("{}", note);
  const std::string title =
      options.picture.title.empty() ? input.display_name() : options.picture.title;
  write_picture(output, loss_chart_svg(log, options.picture.size, title));
}

void run_plot_map(const MapOptions& options) {
  std::vector<std::string> named;
  for (const std::string& word : options.words)
    if (std::find(named.begin(), named.end(), word) == named.end()) named.push_back(word);
  if (named.size() == 1)
    throw UsageError("a map needs 2 words or more, and only \"" + named.front() +
                     "\" is named; name more, or none for the model's most frequent (--top)");
  OutputFile output = open_picture(options.picture);
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const MapRows map = named.empty() ? first_rows(*table, options.top)
                                    : rows_of_words(*table, named, options.model_path);
  if (map.words.size() < 2)
    throw Error(options.model_path + " has " + std::to_string(map.words.size()) +
                (map.words.size() == 1 ? " word" : " words") + ": a map needs 2 or more");
  const std::string count = std::to_string(map.words.size());
  const std::string about = named.empty()
                                ? "the first " + count + " words of " + options.model_path
                                : count + " words of " + options.model_path;
  const std::string title =
      options.picture.title.empty() ? options.model_path : options.picture.title;
  write_picture(output, word_map_svg(map.words, project_pca(map.rows), options.picture.size,
                                     title, about));
}

void run_plot_confusion(const ConfusionOptions& options) {
  OutputFile output = open_picture(options.picture);
  Classifier classifier(load_model(options.model_path), options.model_path);
  TestMetrics metrics(classifier.labels());
  const std::string source = test_files(classifier, options.inputs, TopLabelsOptions{}, metrics);
  const std::string prefix = classifier.sentences().settings().label_prefix.value_or("");
  for (const std::string& note : test_report_notes(metrics, source, /*confusion=*/true))
    spdlog::warn("{}", note);
  const ConfusionTable table = confusion_table(metrics, options.top);
  if (table.lines == 0)
    throw Error("no line of " + source + " has exactly one label: a confusion matrix counts "
                "single-label lines only");
  ConfusionChartText text;
  text.title = options.picture.title.empty() ? options.model_path : options.picture.title;
  text.about = options.model_path + " on " + source;
  text.label_prefix = prefix;
  ChartSize size = options.picture.size;
  const ChartSize natural = natural_confusion_chart_size(table, text);
  if (size.width == 0) size.width = natural.width;
  if (size.height == 0) size.height = natural.height;
  write_picture(output, confusion_chart_svg(table, size, text));
}

void add_loss_command(CLI::App& plot) {
  auto options = std::make_shared<LossOptions>();
  CLI::App* command = plot.add_subcommand(
      "loss",
      "Draw a training run's loss and learning rate against the epochs, from the JSON log of "
      "`embedtool train --log-json FILE`: the loss of each progress report as a line, each "
      "epoch's mean loss as a dot, the epochs marked. A log without its last (\"run\") record, "
      "from a run stopped or still going, is drawn against the words read instead.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("log", options->log, "The JSON log; - for standard input")->required();
  add_picture_options(*command, options->picture);
  add_quiet_option(*command);
  command->callback([options] { run_plot_loss(*options); });
}

void add_map_command(CLI::App& plot) {
  auto options = std::make_shared<MapOptions>();
  CLI::App* command = plot.add_subcommand(
      "map",
      "Draw a 2-D map of words: the named words, or the model's first --top words (its most "
      "frequent), placed by PCA (their unit-length vectors projected on the two directions in "
      "which they spread most; t-SNE is not offered) and labelled where no label covers "
      "another. An unknown word is an error, as in lookup. An .emb model is mapped and only "
      "the rows drawn are read; other formats are read whole.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("-m,--model", options->model_path, "Model or vector file")
      ->capture_default_str()
      ->option_text("FILE");
  CLI::Option* words =
      command->add_option("words", options->words, "Words to map (2 or more; none: --top)");
  command->add_option("--top", options->top, "Map the model's first N words (its most frequent)")
      ->check(between(std::size_t{2}, std::size_t{2000}))
      ->capture_default_str()
      ->excludes(words);
  add_picture_options(*command, options->picture);
  add_vector_read_options(*command, options->load);
  add_quiet_option(*command);
  command->callback([options] { run_plot_map(*options); });
}

void add_confusion_command(CLI::App& plot) {
  auto options = std::make_shared<ConfusionOptions>();
  CLI::App* command = plot.add_subcommand(
      "confusion",
      "Draw a classifier's confusion matrix on labelled lines (fastText's format, as `embedtool "
      "test` reads them): a row per true label, a column per predicted best label, of the lines "
      "with one label; each cell shaded by its count, the count written in it. With more labels "
      "than --top, the most frequent are drawn and the title says so.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("-m,--model", options->model_path, "Classifier model (.emb)")
      ->capture_default_str()
      ->option_text("FILE");
  command->add_option("files", options->inputs, "Labelled test files; - or none for standard input");
  command->add_option("--top", options->top, "Draw at most the K labels that most lines have")
      ->check(between(std::size_t{1}, std::size_t{1000}))
      ->capture_default_str()
      ->option_text("K");
  add_picture_options(*command, options->picture);
  add_quiet_option(*command);
  command->callback([options] { run_plot_confusion(*options); });
}

}  // namespace

void add_plot_command(CLI::App& parent) {
  CLI::App* plot = parent.add_subcommand(
      "plot",
      "Draw what was learned as an SVG picture for a browser: a training run's loss curves "
      "(loss), a 2-D map of words (map), a classifier's confusion matrix (confusion).");
  plot->require_subcommand(1);
  add_loss_command(*plot);
  add_map_command(*plot);
  add_confusion_command(*plot);
}

}  // namespace embedtool::cli
