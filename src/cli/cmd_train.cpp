// `embedtool train FILE`: train E on a corpus and save it with its vocabulary.
#include <optional>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/pipeline/stdin_spool.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/emb_format.h"
#include "progress_line.h"

namespace embedtool::cli {

namespace {

struct TrainOptions {
  std::string input;
  std::string output = "model.emb";
  TrainJob job;
};

void run_train(TrainOptions& options) {
  // Fail on an unwritable output path now rather than after hours of training.
  { AtomicFileWriter probe(options.output); }

  // Training reads the corpus several times; standard input can be read only once.
  std::optional<StdinSpool> spool;
  if (options.input == "-") {
    spool.emplace();
    options.job.corpus_path = spool->path();
  } else {
    options.job.corpus_path = options.input;
  }

  ProgressLine progress;
  const EmbeddingModel model = train_model(
      options.job, [&progress](const TrainProgress& p) { progress.update(p); },
      [](const std::string& message) { spdlog::info("{}", message); });
  progress.finish();

  save_model(model, options.output);
  spdlog::info("saved {}", options.output);
}

}  // namespace

void add_train_command(CLI::App& parent) {
  auto options = std::make_shared<TrainOptions>();
  TrainJob& job = options->job;
  CLI::App* command = parent.add_subcommand(
      "train",
      "Train an embedding matrix E (skip-gram, full softmax head, SGD) on a corpus with one "
      "sentence per line, and save it with its vocabulary.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("corpus", options->input, "Corpus text file; - for standard input")
      ->required();
  command->add_option("-o,--output", options->output, "Model file to write")
      ->capture_default_str()
      ->option_text("FILE");
  command->add_option("--vocab", job.vocabulary_path,
                      "Use this vocabulary file (from `embedtool vocab`) instead of counting the "
                      "corpus")
      ->option_text("FILE");
  command->add_option("--min-count", job.vocabulary.min_count, "Leave out words seen fewer times")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--input-dim", job.vocabulary.input_dim,
                      "Rows of E in all, the reserved ids 0 and 1 included (at most N-2 words)")
      ->check(CLI::Range(std::uint64_t{3}, std::numeric_limits<std::uint64_t>::max()))
      ->option_text("N");
  command->add_option("--output-dim", job.settings.output_dim, "Vector size (columns of E)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{65536}))
      ->capture_default_str();
  command->add_option("--window", job.settings.window,
                      "Largest distance between a word and a context word; each position "
                      "samples its window from 1..W")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command->add_option("--epochs", job.settings.epochs, "Passes over the corpus")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--lr", job.settings.learning_rate,
                      "Initial learning rate; decays linearly to lr/10000 over the run")
      ->check(CLI::Range(1e-9f, 100.0f))
      ->capture_default_str();
  command->add_option("--seed", job.settings.seed, "Random seed (same seed, same model)")
      ->capture_default_str();
  add_tokenizer_options(*command, job.tokenizer);
  add_quiet_option(*command);
  command->callback([options] { run_train(*options); });
}

}  // namespace embedtool::cli
