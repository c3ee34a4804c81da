// `embedtool pad`: sequences (text with --vocab, or integer ids) to fixed-length rows. The job is
// the library's (sequences/pad_job.h); this file declares the options and writes the rows.
#include <optional>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/pipeline/pad_vocabulary_file.h"
#include "embedtool/sequences/id_sequence_parser.h"
#include "embedtool/sequences/pad_job.h"
#include "embedtool/formats/output_file.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct PadOptions {
  PadSettings settings;
  std::string output = "-";
  std::optional<std::string> vocabulary_path;
};

// Rows into an OutputFile; on standard output each streamed row is flushed at once, so that the
// next program in a pipeline gets it.
class SinkPadOutput : public PadOutput {
 public:
  SinkPadOutput(OutputFile& sink, bool to_stdout) : sink_(sink), to_stdout_(to_stdout) {}
  void write(std::string_view row_line) override { sink_.write(row_line); }
  void row_done() override {
    if (to_stdout_) sink_.flush();
  }

 private:
  OutputFile& sink_;
  bool to_stdout_;
};

void run_pad(PadOptions& options) {
  OutputFile output(options.output);  // first, so a bad output path fails before any work
  if (options.vocabulary_path)
    options.settings.vocabulary = read_pad_vocabulary(*options.vocabulary_path);
  SinkPadOutput rows(output, options.output == "-");
  try {
    pad_inputs(options.settings, rows);
  } catch (const NotAnIdError& error) {
    if (options.vocabulary_path) throw;
    throw Error(std::string(error.what()) + "; lines of words need --vocab FILE (a vocabulary "
                "or a model)");
  }
  output.commit();
}

}  // namespace

void add_pad_command(CLI::App& parent) {
  auto options = std::make_shared<PadOptions>();
  PadSettings& settings = options->settings;
  CLI::App* command = parent.add_subcommand(
      "pad",
      "Turn sequences, one per line, into rows of equal length (Keras pad_sequences). Lines are "
      "whitespace-separated integer ids, or text when --vocab is given.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  add_text_io_options(*command, settings.inputs, options->output);
  command->add_option("--vocab", options->vocabulary_path,
                      "Read lines as text and map words to ids with this vocabulary file (from "
                      "`embedtool vocab`) or model (.emb: the ids are its rows, and its corpus's "
                      "tokenizer settings are used unless given); unknown words become 1")
      ->option_text("FILE");
  command->add_option("--input-length", settings.padding.input_length,
                      "Row length (default: the longest sequence)")
      ->check(at_least(std::size_t{0}))
      ->option_text("L");
  const std::vector<std::pair<std::string, PadSide>> sides = {{"pre", PadSide::pre},
                                                             {"post", PadSide::post}};
  restrict_to(command->add_option("--padding", settings.padding.padding,
                                  "Fill short rows at the start (pre) or the end (post)"),
              sides)
      ->default_str("pre");
  restrict_to(command->add_option("--truncating", settings.padding.truncating,
                                  "Cut long rows at the start (pre) or the end (post)"),
              sides)
      ->default_str("pre");
  command->add_option("--value", settings.padding.value, "Id used for filling")
      ->capture_default_str();
  add_tokenizer_options(*command, settings.tokenizer);
  // Lines of ids are not tokenized: without --vocab these options would be ignored.
  for (const char* name : {"--lowercase", "--filter", "--filters", "--unicode-errors"})
    command->get_option(name)->needs("--vocab");
  add_quiet_option(*command);
  command->callback([options, command] {
    const auto given = [command](const char* name) {
      return command->get_option(name)->count() > 0;
    };
    options->settings.tokenizer_given = {given("--lowercase"), given("--filter"),
                                         given("--filters"), given("--unicode-errors")};
    run_pad(*options);
  });
}

}  // namespace embedtool::cli
