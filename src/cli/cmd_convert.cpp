// `embedtool convert IN OUT`: vectors from one format to another.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "convert_rows_from.h"
#include "settings_file.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/save_vectors.h"
#include "vector_options.h"

namespace embedtool::cli {

namespace {

struct ConvertOptions {
  std::string input;
  std::string output;
  LoadOptions load;
  SaveOptions save;
  RowsFromCliOptions rows_from;
};

void run_convert(const ConvertOptions& options) {
  // Usage problems with the output first, before a large input is read for nothing.
  check_can_save(options.output, options.save);
  check_rows_from_options(options.rows_from);
  if (options.rows_from.vocabulary_path) {
    run_rows_from(options.input, options.load, options.rows_from, options.output, options.save);
    return;
  }
  const EmbeddingModel model = load_vectors(options.input, options.load);
  const VectorFormat format = format_to_write(options.output, options.save);
  const std::string lost = parts_not_saved(model, format);
  if (!lost.empty()) {
    spdlog::info("{} holds word vectors only: {} of {} are not written", format_name(format), lost,
                 options.input);
  }
  save_vectors(model, options.output, options.save);
  spdlog::info("wrote {} words x {} dims to {}", model.vocabulary.word_count(), model.vectors.cols(),
               options.output);
}

}  // namespace

void add_convert_command(CLI::App& parent) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = parent.add_subcommand(
      "convert",
      "Convert vectors between formats: emb, word2vec-binary, word2vec-text, glove, npy, "
      "projector. Formats come from the file names unless --from/--to give them. Words and "
      "values are kept exactly; the reserved rows <pad> and <unk> exist only in emb and npy.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("input", options->input, "Vectors to read; - for standard input (with --from)")
      ->required();
  command->add_option("output", options->output, "File (or projector folder) to write, atomically; "
                                                 "- for standard output (with --to)")
      ->required();
  add_vector_read_options(*command, options->load);
  add_vector_write_options(*command, options->save);
  add_rows_from_options(*command, options->rows_from);
  add_quiet_option(*command);
  command->callback([options] { run_convert(*options); });
}

}  // namespace embedtool::cli
