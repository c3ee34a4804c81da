// `embedtool train FILE`: train E on a corpus and save it with its vocabulary.
#include <chrono>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/cluster/launcher.h"
#include "embedtool/errors.h"
#include "embedtool/pipeline/stdin_spool.h"
#include "embedtool/pipeline/train_checkpoint.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/loss_choice.h"
#include "embedtool/training/resolve_settings.h"
#include "embedtool/training/memory_estimate.h"
#include "exit_status.h"
#include "progress_line.h"
#include "train_duration.h"
#include "train_ranks.h"
#include "train_resume_flags.h"
#include "train_signals.h"
#include "vector_options.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct TrainOptions {
  std::string input;  // may be left out with --resume
  std::string output = "model.emb";
  std::optional<int> threads;  // unset: every core
  std::optional<std::string> log_json;
  EmbWriteOptions write;  // --dtype
  TrainJob job;
  std::optional<std::string> checkpoint;  // unset: <output>.ckpt
  std::optional<std::string> checkpoint_every;
  std::optional<std::string> resume;
  std::optional<std::string> autotune_duration;
  std::optional<std::string> sync_every;
  bool supervised = false;
  CLI::App* command = nullptr;  // to ask which flags were given
};

// A classifier and a word model each have flags the other has no use for: refuse them rather
// than let them pass silently.
void check_model_kind_flags(const TrainOptions& options) {
  const CLI::App& command = *options.command;
  const auto given = [&command](const char* flag) { return command.count(flag) > 0; };
  if (options.supervised) {
    for (const char* flag : {"--arch", "--window", "--sample"})
      if (given(flag))
        throw UsageError(std::string(flag) + " has no effect with --supervised (a classifier "
                         "learns from whole lines, not from windows of words)");
    return;
  }
  for (const char* flag :
       {"--label-prefix", "--word-ngrams", "--validation", "--autotune-duration"})
    if (given(flag))
      throw UsageError(std::string(flag) + " needs --supervised (it sets up a classifier)");
  if (given("--buckets") && !options.job.settings.has_char_ngrams())
    throw UsageError("--buckets needs --supervised (word n-grams) or --minn and --maxn "
                     "(character n-grams)");
  const std::string& loss = options.job.settings.loss;
  for (const char* flag : {"--neg", "--ns-exponent"})
    if (given(flag) && loss != "ns" && loss != "auto")
      throw UsageError(std::string(flag) + " has no effect with --loss " + loss +
                       " (it sets negative sampling)");
}

// A classifier reads its text as fastText does, split at white space only, case and punctuation
// kept, unless --lowercase or --filter says otherwise: its files are usually tokenized already,
// and "?" or a capital tell question types apart. Measured with fastText's tuned settings
// (25 epochs, lr 0.5, word bigrams): TREC-6 test accuracy 0.884 with the word models' Keras
// defaults, 0.904 without lowercasing, 0.900 without filtering, 0.910 without either; TREC-50
// 0.780 and 0.794; MR (lowercase already) 0.780 and 0.779.
void use_classifier_tokenizer_defaults(TrainOptions& options) {
  const CLI::App& command = *options.command;
  TokenizerOptions& tokenizer = options.job.tokenizer;
  if (command.count("--lowercase") == 0) tokenizer.lowercase = false;
  // --filters asks for filtering with those characters.
  if (command.count("--filter") == 0 && command.count("--filters") == 0)
    tokenizer.filter_punctuation = false;
}

// --neg and --ns-exponent only mean something to negative sampling, so with --loss auto they
// ask for it: auto would otherwise choose softmax for a small vocabulary (or ova or hs for a
// classifier) and the noise words asked for would be silently left out.
void let_neg_choose_negative_sampling(TrainOptions& options) {
  std::string& loss = options.job.settings.loss;
  if (loss != "auto") return;
  for (const char* flag : {"--neg", "--ns-exponent"}) {
    const CLI::Option* option = options.command->get_option(flag);
    if (option->count() == 0) continue;
    loss = "ns";
    spdlog::info("{} {} with --loss auto: negative sampling (--loss ns)", flag,
                 option->as<std::string>());
    return;
  }
}

int all_cores() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

// A path as a shell word, for the command line the user is told to run.
std::string shell_word(const std::string& text) {
  if (!text.empty() &&
      text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                             "._/-+,:@=") == std::string::npos)
    return text;
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// True for an existing input that is neither a regular file nor a folder (a FIFO, a shell's
// <(...), a character device): training must read it more than once, and it cannot be re-read.
bool needs_spool(const std::string& path) {
  std::error_code error;
  const auto type = std::filesystem::status(path, error).type();
  return !error && type != std::filesystem::file_type::regular &&
         type != std::filesystem::file_type::directory &&
         type != std::filesystem::file_type::not_found;
}

// The most memory this process has held, in bytes (Linux reports kilobytes).
std::uint64_t peak_memory_bytes() {
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

// --resume: the job is the checkpoint's, the corpus the one given (or the checkpoint's).
ResumePoint prepare_resume(TrainOptions& options) {
  if (options.job.init_path)
    throw UsageError("--init cannot be used with --resume: E continues from the checkpoint");
  ResumePoint resume = read_checkpoint(*options.resume);
  check_flags_match_checkpoint(*options.command, options.job, options.threads, resume.job,
                               resume.vocabulary.word_count());
  if (options.input.empty()) {
    if (resume.job.corpus_path == "<stdin>")
      throw UsageError("the checkpoint's corpus was standard input: pipe it in again and give - "
                       "as the corpus");
    options.input = resume.job.corpus_path;
  }
  const std::uint64_t max_memory_bytes = options.job.max_memory_bytes;  // not a training setting
  options.job = resume.job;
  options.job.max_memory_bytes = max_memory_bytes;
  options.job.corpus_name.reset();
  return resume;
}

// An MPI rank trains on a share of a file every rank reads, and saves nothing of its own.
void check_rank_flags(const TrainOptions& options) {
  const CLI::App& command = *options.command;
  if (command.count("--autotune-duration") > 0)
    throw UsageError("--autotune-duration is not supported under an MPI launcher yet");
  if (options.input == "-" || needs_spool(options.input))
    throw UsageError("under an MPI launcher the corpus must be a file every rank can read, not "
                     "standard input or a pipe");
}

void train_and_save(TrainOptions& options, RankGroup* ranks) {
  const bool lead = !ranks || ranks->rank() == 0;  // writes the model and tells the progress
  if (ranks) {
    check_rank_flags(options);
    if (!lead) spdlog::set_level(spdlog::level::err);
  } else if (options.sync_every) {
    throw UsageError("--sync-every has no effect outside an MPI job (mpirun -np N embedtool "
                     "train ...)");
  }
  CheckpointPlan plan;
  plan.path = options.checkpoint.value_or(options.output + ".ckpt");
  if (options.checkpoint_every)
    plan.every = parse_duration(*options.checkpoint_every, "--checkpoint-every");
  if (plan.path == options.output)
    throw UsageError("--checkpoint must name another file than the model (-o)");

  if (!options.resume) {
    check_model_kind_flags(options);
    let_neg_choose_negative_sampling(options);
    if (options.supervised) {
      options.job.settings.architecture = Architecture::supervised;
      use_classifier_tokenizer_defaults(options);
    }
  }
  if (options.autotune_duration) {
    options.job.autotune_budget = parse_duration(*options.autotune_duration, "--autotune-duration");
    if (options.checkpoint_every || options.resume)
      throw UsageError(std::string(options.resume ? "--resume" : "--checkpoint-every") +
                       " cannot be used with --autotune-duration: it trains many models, and "
                       "keeps no checkpoint of them");
    if (!options.job.validation_path)
      throw UsageError("--autotune-duration needs --validation FILE: trials are compared on it");
  }
  std::optional<ResumePoint> resume;
  if (options.resume) {
    resume.emplace(prepare_resume(options));
  } else {
    if (options.input.empty()) throw UsageError("no corpus given (or --resume CHECKPOINT)");
    options.job.settings.threads = options.threads.value_or(all_cores());
  }
  if (ranks) {  // after --resume, which takes the job from the checkpoint
    options.job.ranks = ranks;
    if (options.sync_every)
      options.job.sync_every = parse_sync_interval(*options.sync_every, "--sync-every");
  }
  validate(options.job.settings);
  // Fail on an unwritable output path now rather than after hours of training.
  if (lead) {
    AtomicFileWriter::check_writable(options.output);
    AtomicFileWriter::check_writable(plan.path);
  }
  std::optional<ProgressJsonLog> json_log;
  if (options.log_json && lead) json_log.emplace(*options.log_json);

  // Training reads the corpus several times; standard input can be read only once.
  std::optional<StdinSpool> spool;
  if (options.input == "-") {
    spool.emplace();
    options.job.corpus_path = spool->path();
    options.job.corpus_name = "<stdin>";
  } else if (needs_spool(options.input)) {
    // A FIFO or <(...): readable once, like standard input.
    spool.emplace(options.input);
    options.job.corpus_path = spool->path();
    options.job.corpus_name = options.input;
  } else {
    options.job.corpus_path = options.input;
  }

  // Under MPI the launcher handles the signals: it ends every rank.
  std::optional<StopSignals> signals;
  if (!ranks) signals.emplace();
  plan.stop_requested = &StopSignals::stop_requested;
  bool checkpoint_written = false;
  plan.on_written = [&] { checkpoint_written = true; };
  ProgressLine progress;
  std::optional<EmbeddingModel> model;
  const auto started = std::chrono::steady_clock::now();
  try {
    model = train_model(
        options.job,
        lead ? ProgressCallback([&](const TrainProgress& p) {
                 progress.update(p);
                 if (json_log) json_log->write(p);
               })
             : ProgressCallback(),
        [](const std::string& message) { spdlog::info("{}", message); }, &plan,
        resume ? &*resume : nullptr,
        [](const std::string& message) { spdlog::warn("{}", message); });
  } catch (const TrainingStopped& stopped) {
    progress.finish();
    const int signal = StopSignals::received();
    // Printed whatever --quiet says: it is the only way to learn how to go on.
    std::fprintf(stderr,
                 "embedtool: stopped by %s: checkpoint written to %s; continue with: embedtool "
                 "train %s --resume %s -o %s\n",
                 signal == SIGTERM ? "SIGTERM" : "SIGINT", stopped.checkpoint_path().c_str(),
                 shell_word(options.input).c_str(), shell_word(stopped.checkpoint_path()).c_str(),
                 shell_word(options.output).c_str());
    throw ExitStatus{128 + (signal != 0 ? signal : SIGINT)};
  }
  progress.finish();
  if (json_log) {
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
    json_log->write_summary(model->metadata, seconds.count());  // counting included
  }

  if (!lead) return;  // every rank holds the same model; one writes it
  save_model(*model, options.output, options.write);
  spdlog::info("saved {} (peak memory {})", options.output,
               byte_size_text(peak_memory_bytes()));
  // The model is what the checkpoint was for; a stale one left behind could be resumed by
  // mistake. Only a file this run wrote or resumed from is removed.
  if (checkpoint_written || (options.resume && *options.resume == plan.path)) {
    std::error_code ignored;
    if (std::filesystem::remove(plan.path, ignored)) spdlog::info("removed {}", plan.path);
  }
  // A signal after the trainer's last poll (it polls every 500 ms) finds the run complete: the
  // model is saved rather than checkpointed, but the stop is still reported, so that a script
  // (`train ... && next`) stops where the user asked it to.
  if (const int signal = StopSignals::received(); signal != 0) {
    std::fprintf(stderr, "embedtool: %s arrived as training ended: the model is saved to %s\n",
                 signal == SIGTERM ? "SIGTERM" : "SIGINT", options.output.c_str());
    throw ExitStatus{128 + signal};
  }
}

void run_train(TrainOptions& options) {
  // Started by an MPI launcher as one of several processes, this one is a rank of that job.
  const std::unique_ptr<RankGroup> ranks = join_launched_job();
  run_as_rank(ranks.get(), [&] { train_and_save(options, ranks.get()); });
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
  options->command = command;
  command->add_option("corpus", options->input,
                      "Corpus text file; - for standard input (with --resume: default the "
                      "checkpoint's)");
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
      ->check(at_least(std::uint64_t{1}))
      ->capture_default_str()
      ->excludes("--vocab");  // the vocabulary file has fixed the words already
  command
      ->add_option("--input-dim", job.vocabulary.input_dim,
                   "Rows of E in all, the reserved ids 0 and 1 included (at most N-2 words)")
      ->check(at_least(std::uint64_t{3}))
      ->option_text("N")
      ->excludes("--vocab");
  command->add_option("--output-dim", settings.output_dim, "Vector size (columns of E)")
      ->check(between(std::size_t{1}, std::size_t{65536}))
      ->default_str(std::to_string(kDefaultOutputDim));

  const std::vector<std::pair<std::string, Architecture>> architectures = {
      {"skipgram", Architecture::skipgram}, {"cbow", Architecture::cbow}};
  restrict_to(command->add_option("--arch", settings.architecture,
                                  "skipgram (a word predicts its neighbours) or cbow (the average "
                                  "of the neighbours predicts the word)"),
              architectures)
      ->default_str("skipgram");
  // The choices and their help are the registered heads' (training/heads/head_registry.h).
  std::vector<std::string> losses = {"auto"};
  std::string loss_help = "Output head: auto (softmax up to " +
                          std::to_string(kAutoSoftmaxMaxWords) + " words, ns beyond)";
  for (const HeadKind& kind : head_kinds()) {
    losses.emplace_back(kind.name);
    loss_help += "; " + std::string(kind.name) + " (" + std::string(kind.summary) + ")";
  }
  restrict_to(command->add_option("--loss", settings.loss, loss_help), losses)
      ->default_str("auto");
  command->add_option("--neg", settings.negatives, "Noise words per prediction (--loss ns; with --loss auto, --neg chooses ns)")
      ->check(between(1, 1000))
      ->capture_default_str()
      ->option_text("K");
  command
      ->add_option("--ns-exponent", settings.ns_exponent,
                   "Noise words are drawn by count^X (--loss ns; gensim's ns_exponent): 1 follows "
                   "the counts, 0 is uniform (word2vec's 0.75; fastText uses 0.5)")
      ->check(CLI::Range(-1.0, 1.0))
      ->capture_default_str()
      ->option_text("X");
  command
      ->add_option("--window", settings.window,
                   "Largest distance between a word and a context word; each position "
                   "samples its window from 1..W")
      ->check(between(1, 1000))
      ->capture_default_str();
  command
      ->add_option("--minn", settings.minn,
                   "Subwords: a word's input is its row and the rows of its character n-grams "
                   "of MINN to --maxn characters, so that any word, seen or not, has a vector "
                   "and a classifier reads typos and unseen inflections (fastText's; it takes 3 "
                   "and 6 for word vectors); 0: whole words only")
      ->check(between(0, 100))
      ->capture_default_str()
      ->option_text("MINN");
  command
      ->add_option("--maxn", settings.maxn,
                   "Subwords: the longest character n-gram (with --minn); the n-grams are hashed "
                   "into --buckets rows")
      ->check(between(0, 100))
      ->capture_default_str()
      ->option_text("MAXN");
  command
      ->add_option("--sample", settings.sample,
                   "Subsampling of frequent words: a word of frequency f is kept with "
                   "probability (sqrt(f/t)+1)*t/f; 0 keeps all")
      ->check(between(0.0, 1.0))
      ->capture_default_str()
      ->option_text("T");
  command
      ->add_option("--epochs", settings.epochs,
                   "Passes over the corpus (default: " + std::to_string(kDefaultEpochs) +
                       "; with --supervised about " + std::to_string(kClassifierLineVisits) +
                       " / the labelled lines, from 5 to 50)")
      ->check(between(1, 100000));
  command
      ->add_option("--lr", settings.learning_rate,
                   "Initial learning rate, decaying linearly to lr/10000 over the run "
                   "(default: 0.025 for skipgram, 0.05 for cbow, 0.25 with --supervised)")
      ->check(between(1e-9f, 100.0f));
  command
      ->add_option("--threads", options->threads,
                   "Training threads, each on its own part of the corpus (default: all " +
                       std::to_string(all_cores()) +
                       " cores); only 1 gives the same model bit for bit on every run")
      ->check(between(1, 1024))
      ->option_text("N");
  command
      ->add_option("--seed", settings.seed, "Random seed (same seed, same model with --threads 1)")
      ->capture_default_str();
  command
      ->add_option("--log-json", options->log_json,
                   "Also write progress to FILE, one JSON object per report (words, loss, lr, "
                   "elapsed, ...), for plotting")
      ->option_text("FILE");
  command
      ->add_option("--max-memory", job.max_memory_bytes,
                   "Refuse to start when the estimated memory (E, head, vocabulary) exceeds "
                   "SIZE, e.g. 4GB or 500MB (default: the machine's physical memory)")
      ->transform(CLI::AsSizeValue(true))
      ->option_text("SIZE");
  command->add_flag("--save-head", job.keep_head,
                    "Also store the head's weights (the output layer W) in the model, as an "
                    "optional section (docs/FORMAT.md): twice the file for ns, unused by lookup");
  command
      ->add_option("--init", job.init_path,
                   "Start E from these pretrained vectors (any format convert reads) for the "
                   "words they have, at random for the rest; their size is the default "
                   "--output-dim")
      ->option_text("VECTORS");
  command
      ->add_option("--checkpoint", options->checkpoint,
                   "Where checkpoints go (default: the model's path + .ckpt); written on "
                   "SIGINT/SIGTERM and every --checkpoint-every, removed once the model is saved")
      ->option_text("FILE");
  command
      ->add_option("--checkpoint-every", options->checkpoint_every,
                   "Also write a checkpoint this often (30s, 10m, 1h)")
      ->option_text("DURATION");
  command
      ->add_option("--resume", options->resume,
                   "Continue the run saved in this checkpoint, with its settings; ends where the "
                   "uninterrupted run would (bit for bit with --threads 1)")
      ->option_text("CHECKPOINT");
  command
      ->add_option("--sync-every", options->sync_every,
                   "Under an MPI launcher (mpirun -np N embedtool train ...): how often the ranks "
                   "average their models, in words the job reads (500k, 2M) or time (500ms, 2s) "
                   "(default: every " + std::to_string(kDefaultSyncWordsPerRank / 1000) +
                   "k words of each rank's share)")
      ->option_text("WORDS|TIME");
  command->add_flag("--supervised", options->supervised,
                    "Train a classifier: each line is an example, its labels are the tokens "
                    "that start with --label-prefix (fastText's format), h is the mean of its "
                    "words' (and word n-grams') rows, and the head predicts the labels; "
                    "`embedtool predict` and `test` use the model");
  command
      ->add_option("--label-prefix", job.label_prefix,
                   "With --supervised: tokens that start with this are labels")
      ->capture_default_str()
      ->option_text("PREFIX");
  command
      ->add_option("--word-ngrams", settings.word_ngrams,
                   "With --supervised: also learn a row for every run of 2..N words, hashed into "
                   "--buckets rows (default: " + std::to_string(kClassifierWordNgrams) + ")")
      ->check(between(1, 100))
      ->option_text("N");
  command
      ->add_option("--buckets", settings.buckets,
                   "Rows the n-grams are hashed into: word n-grams (--supervised, --word-ngrams "
                   "> 1) or character n-grams (--maxn > 0), or both in one table (default: "
                   "sized from the training file or the vocabulary, at most 2097152)")
      ->check(between(std::uint64_t{1}, std::uint64_t{2147483647}))
      ->option_text("N");
  command
      ->add_option("--validation", job.validation_path,
                   "With --supervised: score the model on this labelled file after every epoch "
                   "(accuracy, as `embedtool test` reports it) and keep the best epoch's")
      ->option_text("FILE");
  command
      ->add_option("--autotune-duration", options->autotune_duration,
                   "With --supervised and --validation: within this time (30s, 5m), train with "
                   "other learning rates, epochs, sizes, word n-grams and buckets (those not "
                   "given as flags) and keep the model that scores best on the validation file")
      ->option_text("DURATION");
  add_tokenizer_options(*command, job.tokenizer);
  add_quiet_option(*command);
  command->callback([options] { run_train(*options); });
}

}  // namespace embedtool::cli
