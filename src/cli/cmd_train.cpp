// `embedtool train FILE`: train E on a corpus and save it with its vocabulary.
#include <map>
#include <optional>
#include <thread>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/pipeline/stdin_spool.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/emb_format.h"
#include "progress_line.h"
#include "vector_options.h"

namespace embedtool::cli {

namespace {

struct TrainOptions {
  std::string input;
  std::string output = "model.emb";
  std::optional<int> threads;  // unset: every core
  std::optional<std::string> log_json;
  EmbWriteOptions write;  // --dtype
  TrainJob job;
};

int all_cores() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

void run_train(TrainOptions& options) {
  options.job.settings.threads = options.threads.value_or(all_cores());
  validate(options.job.settings);
  // Fail on an unwritable output path now rather than after hours of training.
  { AtomicFileWriter probe(options.output); }
  std::optional<ProgressJsonLog> json_log;
  if (options.log_json) json_log.emplace(*options.log_json);

  // Training reads the corpus several times; standard input can be read only once.
  std::optional<StdinSpool> spool;
  if (options.input == "-") {
    spool.emplace();
    options.job.corpus_path = spool->path();
    options.job.corpus_name = "<stdin>";
  } else {
    options.job.corpus_path = options.input;
  }

  ProgressLine progress;
  const EmbeddingModel model = train_model(
      options.job,
      [&](const TrainProgress& p) {
        progress.update(p);
        if (json_log) json_log->write(p);
      },
      [](const std::string& message) { spdlog::info("{}", message); });
  progress.finish();

  save_model(model, options.output, options.write);
  spdlog::info("saved {}", options.output);
}

}  // namespace

void add_train_command(CLI::App& parent) {
  auto options = std::make_shared<TrainOptions>();
  TrainJob& job = options->job;
  TrainSettings& settings = job.settings;
  CLI::App* command = parent.add_subcommand(
      "train",
      "Train an embedding matrix E (skip-gram or CBOW; full softmax, negative sampling or "
      "hierarchical softmax; SGD on all cores) on a corpus with one sentence per line, and save "
      "it with its vocabulary.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("corpus", options->input, "Corpus text file; - for standard input")
      ->required();
  command->add_option("-o,--output", options->output, "Model file to write")
      ->capture_default_str()
      ->option_text("FILE");
  add_dtype_option(*command, options->write.dtype);
  command
      ->add_option("--vocab", job.vocabulary_path,
                   "Use this vocabulary file (from `embedtool vocab`) instead of counting the "
                   "corpus")
      ->option_text("FILE");
  command->add_option("--min-count", job.vocabulary.min_count, "Leave out words seen fewer times")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      ->add_option("--input-dim", job.vocabulary.input_dim,
                   "Rows of E in all, the reserved ids 0 and 1 included (at most N-2 words)")
      ->check(CLI::Range(std::uint64_t{3}, std::numeric_limits<std::uint64_t>::max()))
      ->option_text("N");
  command->add_option("--output-dim", settings.output_dim, "Vector size (columns of E)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{65536}))
      ->capture_default_str();

  const std::map<std::string, Architecture> architectures = {{"skipgram", Architecture::skipgram},
                                                             {"cbow", Architecture::cbow}};
  command
      ->add_option("--arch", settings.architecture,
                   "skipgram (a word predicts its neighbours) or cbow (the average of the "
                   "neighbours predicts the word)")
      ->transform(CLI::CheckedTransformer(architectures))
      ->default_str("skipgram");
  const std::map<std::string, LossKind> losses = {{"auto", LossKind::automatic},
                                                  {"softmax", LossKind::softmax},
                                                  {"ns", LossKind::negative_sampling},
                                                  {"hs", LossKind::hierarchical_softmax}};
  command
      ->add_option("--loss", settings.loss,
                   "Output head: softmax (exact, O(V) per step), ns (negative sampling), hs "
                   "(hierarchical softmax), or auto (softmax up to 100 words, ns beyond)")
      ->transform(CLI::CheckedTransformer(losses))
      ->default_str("auto");
  command->add_option("--neg", settings.negatives, "Noise words per prediction (--loss ns)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str()
      ->option_text("K");
  command
      ->add_option("--window", settings.window,
                   "Largest distance between a word and a context word; each position "
                   "samples its window from 1..W")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command
      ->add_option("--sample", settings.sample,
                   "Subsampling of frequent words: a word of frequency f is kept with "
                   "probability (sqrt(f/t)+1)*t/f; 0 keeps all")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str()
      ->option_text("T");
  command->add_option("--epochs", settings.epochs, "Passes over the corpus")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command
      ->add_option("--lr", settings.learning_rate,
                   "Initial learning rate, decaying linearly to lr/10000 over the run "
                   "(default: 0.025 for skipgram, 0.05 for cbow)")
      ->check(CLI::Range(1e-9f, 100.0f));
  command
      ->add_option("--threads", options->threads,
                   "Training threads, each on its own part of the corpus (default: all " +
                       std::to_string(all_cores()) +
                       " cores); only 1 gives the same model bit for bit on every run")
      ->check(CLI::Range(1, 1024))
      ->option_text("N");
  command
      ->add_option("--seed", settings.seed, "Random seed (same seed, same model with --threads 1)")
      ->capture_default_str();
  command
      ->add_option("--log-json", options->log_json,
                   "Also write progress to FILE, one JSON object per report (words, loss, lr, "
                   "elapsed, ...), for plotting")
      ->option_text("FILE");
  add_tokenizer_options(*command, job.tokenizer);
  add_quiet_option(*command);
  command->callback([options] { run_train(*options); });
}

}  // namespace embedtool::cli
