#include "convert_rows_from.h"

#include <spdlog/spdlog.h>

#include "embedtool/errors.h"
#include "embedtool/pipeline/rows_coverage.h"
#include "embedtool/pipeline/rows_from_files.h"

namespace embedtool::cli {

void add_rows_from_options(CLI::App& command, RowsFromCliOptions& options) {
  const std::string group = "Rows by a vocabulary's ids (the Keras pretrained-embeddings matrix)";
  command
      .add_option("--rows-from", options.vocabulary_path,
                  "Write one row per id of this vocabulary (a `vocab` file or a model): row i is "
                  "the input's vector of the word with id i, <pad> and <unk> are zero rows, so "
                  "the ids of `pad --vocab FILE` index the output")
      ->option_text("FILE")
      ->group(group);
  // Checked by hand rather than by CLI::CheckedTransformer, whose message and help show its
  // internal map ("{random->1,zero->0} OR {1,0}") instead of the two words.
  options.missing_option =
      command
          .add_option_function<std::string>(
              "--missing",
              [&options](const std::string& value) {
                options.rows.missing = value == "random" ? MissingRows::random : MissingRows::zero;
              },
              "Rows of the vocabulary's words that the input lacks: zero (default), or random "
              "with the spread of the input's vectors (--seed)")
          ->check(CLI::Validator(
              [](const std::string& value) {
                return value == "zero" || value == "random"
                           ? std::string()
                           : "must be zero or random, not \"" + value + "\"";
              },
              "", "zero or random"))
          ->option_text("zero|random")
          ->group(group);
  options.seed_option = command
                            .add_option("--seed", options.rows.seed,
                                        "Random seed of --missing random (same seed, same rows)")
                            ->capture_default_str()
                            ->group(group);
}

void check_rows_from_options(const RowsFromCliOptions& options) {
  if (options.vocabulary_path) {
    if (options.seed_option->count() > 0 && options.rows.missing != MissingRows::random)
      throw UsageError("--seed draws the rows of --missing random; with --missing zero it has no use");
    return;
  }
  for (const CLI::Option* option : {options.missing_option, options.seed_option}) {
    if (option->count() > 0)
      throw UsageError(option->get_name() + " says how --rows-from fills rows; give --rows-from VOCAB too");
  }
}

void run_rows_from(const std::string& input, const LoadOptions& load, const RowsFromCliOptions& options,
                   const std::string& output, const SaveOptions& save) {
  const RowsFromResult result = rows_from_files({input, load, *options.vocabulary_path, options.rows});
  const std::string coverage = rows_coverage_line(result, options.rows, input);
  if (result.found() == 0 && result.model.vocabulary.word_count() > 0) {
    spdlog::warn("{}: words are matched by their exact spelling, case included", coverage);
  } else {
    spdlog::info("{}", coverage);
  }
  save_vectors(result.model, output, save);
  // The Keras names, where the file keeps the reserved rows: the numbers to give Embedding.
  const VectorFormat format = format_to_write(output, save);
  if (format == VectorFormat::npy || format == VectorFormat::emb) {
    spdlog::info("wrote E to {}: input_dim {} (<pad>, <unk> and {} words), output_dim {}", output,
                 result.model.vectors.rows(), result.model.vocabulary.word_count(),
                 result.model.vectors.cols());
  } else {
    spdlog::info("wrote {} words x {} dims to {} (ids from 2: {} has no <pad> and <unk> rows)",
                 result.model.vocabulary.word_count(), result.model.vectors.cols(), output,
                 format_name(format));
  }
}

}  // namespace embedtool::cli
