#include "embedtool/pipeline/train_model.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "embedtool/errors.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/pipeline/autotune_classifier.h"
#include "embedtool/pipeline/corpus_count.h"
#include "embedtool/pipeline/corpus_fingerprint.h"
#include "embedtool/pipeline/init_vectors.h"
#include "embedtool/pipeline/labelled_corpus_count.h"
#include "embedtool/pipeline/labelled_text_corpus.h"
#include "embedtool/pipeline/ranks_corpus_check.h"
#include "embedtool/pipeline/ranks_labelled_count.h"
#include "embedtool/pipeline/ranks_vocabulary_count.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/cluster/rank_share_corpus.h"
#include "embedtool/cluster/sync_share_warning.h"
#include "embedtool/text/input_file.h"
#include "embedtool/pipeline/text_file_corpus.h"
#include "embedtool/pipeline/train_checkpoint.h"
#include "embedtool/pipeline/validation_file.h"
#include "embedtool/storage/checkpoint_file.h"
#include "embedtool/training/resolve_settings.h"
#include "embedtool/training/memory_estimate.h"
#include "embedtool/training/word_subword_rows.h"
#include "embedtool/vocabulary/vocabulary_io.h"

namespace embedtool {

namespace {

struct CorpusVocabulary {
  Vocabulary vocabulary;
  // The vocabulary words in the corpus, when the vocabulary was counted from it.
  std::optional<std::uint64_t> corpus_words;
};

// What a classifier's training file holds besides its words.
struct CorpusLabels {
  LabelSet labels;
  std::uint64_t tokens = 0;  // words in all, which size the n-gram buckets
  std::uint64_t labelled_lines = 0;  // the examples, which set the default epochs
};

std::string vocabulary_summary(const WordCounter& counter, std::uint64_t lines,
                               const Vocabulary& vocabulary) {
  return "corpus: " + std::to_string(lines) + " lines, " + std::to_string(counter.tokens_seen()) +
         " words, " + std::to_string(counter.distinct_words()) + " distinct; vocabulary keeps " +
         std::to_string(vocabulary.word_count()) + " words (input_dim " +
         std::to_string(vocabulary.input_dim()) + ")";
}

// The same for a count the ranks of an MPI job made together.
std::string ranks_vocabulary_summary(std::uint64_t lines, std::uint64_t tokens,
                                     std::uint64_t distinct_words, int ranks,
                                     const Vocabulary& vocabulary) {
  return "corpus: " + std::to_string(lines) + " lines, " + std::to_string(tokens) + " words, " +
         std::to_string(distinct_words) + " distinct, counted by " + std::to_string(ranks) +
         " MPI ranks; vocabulary keeps " + std::to_string(vocabulary.word_count()) +
         " words (input_dim " + std::to_string(vocabulary.input_dim()) + ")";
}

// One process's count of a classifier's file, in the shape the ranks' count has.
RanksLabelledCount count_classifier_file(const TrainJob& job, const std::string& corpus_name,
                                         const Tokenizer& tokenizer, std::uint64_t limit,
                                         bool build_vocabulary, const InfoCallback& on_info) {
  const LabelledCorpusCount counted =
      count_labelled_file(job.corpus_path, corpus_name, tokenizer, job.label_prefix, limit);
  RanksLabelledCount result;
  result.labels = label_set_of(counted.labels);
  result.lines = counted.lines;
  result.tokens = counted.words.tokens_seen();
  result.label_tokens = counted.labels.tokens_seen();
  result.unlabelled_lines = counted.unlabelled_lines;
  result.first_unlabelled_line = counted.first_unlabelled_line;
  if (build_vocabulary) {
    result.vocabulary = counted.words.build(job.vocabulary);
    if (on_info && counted.words.spilled_runs() > 0) on_info(spill_summary(counted.words, limit));
    if (on_info) on_info(vocabulary_summary(counted.words, counted.lines, *result.vocabulary));
  }
  return result;
}

// Counts a classifier's file: its labels always (a resumed run counts them again from the same
// file, which the fingerprint vouches for), its words unless the vocabulary comes from elsewhere.
// The ranks of an MPI job count it together, each its share, as they count a corpus.
CorpusLabels count_classifier_corpus(const TrainJob& job, const std::string& corpus_name,
                                     const Tokenizer& tokenizer, CorpusVocabulary* vocabulary,
                                     const InfoCallback& on_info,
                                     const InfoCallback& on_warning) {
  const std::uint64_t limit = counting_memory_limit(job.max_memory_bytes);
  const bool build_vocabulary = vocabulary && !job.vocabulary_path;
  RanksLabelledCount counted;
  if (job.ranks) {
    counted = count_labelled_across_ranks(*job.ranks, job.corpus_path, corpus_name, tokenizer,
                                          job.label_prefix, limit,
                                          build_vocabulary ? &job.vocabulary : nullptr);
    if (build_vocabulary && on_info)
      on_info(ranks_vocabulary_summary(counted.lines, counted.tokens, counted.distinct_words,
                                       job.ranks->size(), *counted.vocabulary));
  } else {
    counted = count_classifier_file(job, corpus_name, tokenizer, limit, build_vocabulary, on_info);
  }
  if (counted.label_tokens == 0)
    throw Error(corpus_name + " has no labelled line: a classifier learns from lines with labels, "
                "tokens that start with \"" + job.label_prefix +
                "\" (--label-prefix sets another prefix)");
  CorpusLabels result{std::move(counted.labels), counted.tokens,
                      counted.lines - counted.unlabelled_lines};
  if (build_vocabulary) vocabulary->vocabulary = std::move(*counted.vocabulary);
  if (on_info)
    on_info(std::to_string(result.labels.size()) + " labels; the most frequent: " +
            result.labels.name(0) + " (" + std::to_string(result.labels.count(0)) + ")");
  if (counted.unlabelled_lines > 0 && on_warning)
    on_warning("skipped " + std::to_string(counted.unlabelled_lines) + " of " +
               std::to_string(counted.lines) + " lines of " + corpus_name +
               " that have no label (the first is line " +
               std::to_string(counted.first_unlabelled_line) + ")");
  return result;
}

CorpusVocabulary load_or_build_vocabulary(const TrainJob& job, const std::string& corpus_name,
                                          const Tokenizer& tokenizer, const InfoCallback& on_info) {
  if (job.vocabulary_path) {
    InputFile input(*job.vocabulary_path);
    return {read_vocabulary_tsv(input.stream(), input.display_name()), std::nullopt};
  }
  const std::uint64_t limit = counting_memory_limit(job.max_memory_bytes);
  if (job.ranks) {
    RanksVocabularyCount counted = count_vocabulary_across_ranks(
        *job.ranks, job.corpus_path, corpus_name, tokenizer, limit, job.vocabulary);
    if (on_info)
      on_info(ranks_vocabulary_summary(counted.lines, counted.tokens, counted.distinct_words,
                                       job.ranks->size(), counted.vocabulary));
    const std::uint64_t kept_words = counted.vocabulary.total_count();
    return {std::move(counted.vocabulary), kept_words};
  }
  const CorpusCount counted = count_text_file(job.corpus_path, corpus_name, tokenizer, limit);
  Vocabulary vocabulary = counted.counter.build(job.vocabulary);
  if (on_info) {
    if (counted.counter.spilled_runs() > 0) on_info(spill_summary(counted.counter, limit));
    on_info(vocabulary_summary(counted.counter, counted.lines, vocabulary));
  }
  const std::uint64_t kept_words = vocabulary.total_count();
  return {std::move(vocabulary), kept_words};
}

std::string format_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2fs", seconds);
  return text;
}

// How far a checkpoint's run was, for messages: "37.2% done".
std::string percent_done(const RunPosition& position, int epochs) {
  const double total = static_cast<double>(position.words_per_epoch) * epochs;
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%% done",
                total > 0 ? 100.0 * static_cast<double>(position.words_done) / total : 0.0);
  return text;
}

// The checkpoint side of a run: when one is due, and writing it with the job that makes sense
// of it.
TrainControl checkpoint_control(const CheckpointPlan& plan, const TrainJob& job,
                                const CorpusFingerprint& corpus, const Vocabulary& vocabulary,
                                const InfoCallback& on_info) {
  using Clock = std::chrono::steady_clock;
  TrainControl control;
  control.poll_interval = plan.poll_interval;
  auto next_due = std::make_shared<Clock::time_point>(
      plan.every ? Clock::now() + *plan.every : Clock::time_point::max());
  control.poll = [&plan, next_due] {
    if (plan.stop_requested && plan.stop_requested()) return CheckpointRequest::save_and_stop;
    if (plan.every && Clock::now() >= *next_due) {
      *next_due = Clock::now() + *plan.every;
      return CheckpointRequest::save;
    }
    return CheckpointRequest::none;
  };
  control.on_checkpoint = [&plan, &job, corpus, &vocabulary, on_info](
                              const RunPosition& position, const ModelWeights& weights) {
    nlohmann::json state = checkpoint_state(job, corpus, position);
    // Every rank's place goes into the one file rank 0 writes (the weights are the same on all).
    if (job.ranks) {
      merge_rank_states(*job.ranks, state);
      if (job.ranks->rank() != 0) return;
    }
    save_checkpoint_file(plan.path, state, vocabulary, weights.input, weights.output);
    if (plan.on_written) plan.on_written();
    if (on_info) on_info("checkpoint written to " + plan.path + " (" + percent_done(position, *job.settings.epochs) + ")");
  };
  return control;
}

// Fails before E is allocated when the run will not fit; logs the estimate either way.
void check_memory(const Vocabulary& vocabulary, const TrainSettings& settings,
                  std::size_t classes, bool keeps_best_epoch, std::uint64_t max_memory_bytes,
                  const InfoCallback& on_info) {
  std::uint64_t letters = 0;
  for (WordId id = kFirstWordId; id < static_cast<WordId>(vocabulary.input_dim()); ++id)
    letters += vocabulary.word(id).size();
  const double average_word_bytes =
      static_cast<double>(letters) / static_cast<double>(vocabulary.word_count());
  MemoryEstimate estimate =
      estimate_training_memory(vocabulary.word_count(), average_word_bytes, settings, classes);
  if (keeps_best_epoch) estimate.kept_copy_bytes = estimate.embedding_bytes + estimate.head_bytes;
  if (on_info) on_info("memory: about " + describe(estimate));
  if (max_memory_bytes > 0) {
    check_memory_limit(estimate, max_memory_bytes,
                       "--max-memory " + byte_size_text(max_memory_bytes));
  } else {
    check_memory_limit(estimate, physical_memory_bytes(),
                       "this machine's " + byte_size_text(physical_memory_bytes()) +
                           " of memory (--max-memory sets another limit)");
  }
}

std::string validation_summary(const ValidationFile& file, const std::string& path) {
  std::string summary = "validation: " + std::to_string(file.examples.examples()) +
                        " examples in " + path;
  if (file.unknown_label_examples > 0)
    summary += ", " + std::to_string(file.unknown_label_examples) +
               " of them with labels the training file does not have (always missed)";
  if (file.unlabelled_lines > 0)
    summary += "; " + std::to_string(file.unlabelled_lines) + " lines without a label skipped";
  return summary;
}

}  // namespace

EmbeddingModel train_model(const TrainJob& job, const ProgressCallback& on_progress,
                           const InfoCallback& on_info, const CheckpointPlan* plan,
                           ResumePoint* resume, const InfoCallback& on_warning) {
  const Tokenizer tokenizer(job.tokenizer);
  const std::string corpus_name = job.corpus_name.value_or(job.corpus_path);
  TrainSettings settings = job.settings;

  // The init vectors are read first: a wrong file or size fails before the corpus is counted.
  std::optional<EmbeddingModel> pretrained;
  std::optional<std::size_t> init_dim;  // the size of the --init vectors
  if (job.init_path && !resume) {
    pretrained = load_vectors(*job.init_path);
    init_dim = static_cast<std::size_t>(pretrained->vectors.cols());
    if (settings.output_dim && *init_dim != *settings.output_dim)
      throw UsageError("--init " + *job.init_path + " has " + std::to_string(*init_dim) +
                       "-dimensional vectors but --output-dim is " +
                       std::to_string(*settings.output_dim) + " (leave --output-dim out to take " +
                       std::to_string(*init_dim) + ")");
  }
  validate(settings);  // before the corpus is read
  if (job.autotune_budget && !job.validation_path)
    throw UsageError("--autotune-duration needs --validation FILE: trials are compared on it");
  // A missing validation file fails now, not after the corpus is counted (it is read then).
  if (job.validation_path && *job.validation_path != "-") InputFile probe(*job.validation_path);

  if (job.ranks) check_every_rank_reads(*job.ranks, job.corpus_path, corpus_name);
  std::optional<CorpusFingerprint> fingerprint;
  if (plan || resume) fingerprint = fingerprint_corpus(job.corpus_path, corpus_name);
  const int ranks = job.ranks ? job.ranks->size() : 1;
  if (resume && resume->ranks != ranks) {
    const auto processes = [](int count) {
      return count == 1 ? std::string("one process") : std::to_string(count) + " MPI ranks";
    };
    throw UsageError("the checkpoint " + resume->checkpoint_path + " was made by " +
                     processes(resume->ranks) + ", not " + processes(ranks) + ": resume it " +
                     (resume->ranks == 1 ? std::string("without mpirun")
                                         : "with mpirun -np " + std::to_string(resume->ranks)));
  }
  if (resume && *fingerprint != resume->corpus) {
    throw Error(corpus_name + " is not the corpus the checkpoint " + resume->checkpoint_path +
                " was made on (its size or content differ)");
  }

  const bool supervised = settings.architecture == Architecture::supervised;
  EmbeddingModel model;
  std::optional<std::uint64_t> corpus_words;
  CorpusLabels labels;
  if (resume) {
    model.vocabulary = std::move(resume->vocabulary);
    if (supervised)
      labels = count_classifier_corpus(job, corpus_name, tokenizer, nullptr, {}, on_warning);
  } else if (supervised) {
    CorpusVocabulary counted;
    if (job.vocabulary_path) counted = load_or_build_vocabulary(job, corpus_name, tokenizer, on_info);
    labels = count_classifier_corpus(job, corpus_name, tokenizer, &counted, on_info, on_warning);
    model.vocabulary = std::move(counted.vocabulary);
  } else {
    CorpusVocabulary counted = load_or_build_vocabulary(job, corpus_name, tokenizer, on_info);
    model.vocabulary = std::move(counted.vocabulary);
    corpus_words = counted.corpus_words;
  }
  if (model.vocabulary.word_count() == 0) {
    throw Error("the vocabulary of " + corpus_name +
                " is empty: no word reaches the minimum count (try a smaller --min-count)");
  }

  const std::size_t classes = supervised ? labels.labels.size() : model.vocabulary.word_count();
  RunFacts facts{classes, init_dim, labels.tokens, labels.labelled_lines};
  if (settings.has_char_ngrams())
    facts.vocabulary_char_ngrams = count_char_ngrams(
        model.vocabulary, {static_cast<std::uint32_t>(settings.minn),
                           static_cast<std::uint32_t>(settings.maxn)});
  const ResolvedSettings resolved_settings = resolve_settings(settings, facts);
  settings = resolved_settings.settings;
  if (on_info) {
    on_info(std::string(name_of(settings.architecture)) + ", " + resolved_settings.loss_reason + ", " +
            std::to_string(settings.threads) + (settings.threads == 1 ? " thread" : " threads"));
    if (settings.has_char_ngrams())
      on_info("subwords: character n-grams of " + std::to_string(settings.minn) + " to " +
              std::to_string(settings.maxn) + " characters (" +
              std::to_string(facts.vocabulary_char_ngrams) + " in the vocabulary's words) in " +
              std::to_string(*settings.buckets) + " buckets");
  }

  std::optional<ValidationFile> validation;
  if (job.validation_path) {
    if (!supervised) throw UsageError("--validation needs --supervised: it scores a classifier");
    if (job.autotune_budget && resume)
      throw UsageError("--autotune-duration cannot resume a run: it trains many");
    validation = read_validation_file(*job.validation_path, tokenizer, model.vocabulary,
                                      labels.labels, job.label_prefix);
    if (on_info) on_info(validation_summary(*validation, *job.validation_path));
    if (resume && on_warning)
      on_warning("a resumed run keeps the best of the epochs it trains itself: the checkpoint "
                 "holds no earlier epoch's weights");
  }
  check_memory(model.vocabulary, settings, classes, validation.has_value(), job.max_memory_bytes,
               on_info);

  // What a checkpoint records of the job: every setting resolved, so that a resumed run needs
  // nothing else.
  TrainJob resolved = job;
  resolved.settings = settings;
  TrainControl control;
  if (plan)
    control = checkpoint_control(*plan, resolved, *fingerprint, model.vocabulary, on_info);
  if (resume) {
    control.resume = std::move(resume->checkpoint);
    if (job.ranks) {  // this rank's threads, after those of the ranks before it
      std::vector<WorkerState>& workers = control.resume->position.workers;
      const auto threads = static_cast<std::ptrdiff_t>(settings.threads);
      const std::ptrdiff_t first = threads * job.ranks->rank();
      workers = std::vector<WorkerState>(workers.begin() + first, workers.begin() + first + threads);
    }
    if (on_info)
      on_info("resuming from " + resume->checkpoint_path + " (" +
              percent_done(control.resume->position, *settings.epochs) + ")");
  }
  if (pretrained) {
    control.initialize = [&](Matrix& input) {
      const std::size_t copied =
          copy_rows_by_word(*pretrained, *job.init_path, model.vocabulary, input);
      if (on_info) {
        on_info("--init: " + std::to_string(copied) + " of " +
                std::to_string(model.vocabulary.word_count()) + " words start from " +
                *job.init_path + ", the other " +
                std::to_string(model.vocabulary.word_count() - copied) + " at random");
      }
    };
  }

  std::optional<double> best_accuracy;
  std::vector<double> epoch_accuracies;  // on the validation file, one per epoch trained
  int autotune_trials = 0;
  if (validation && !job.autotune_budget)
    control.on_epoch_end = best_epoch_scorer(
        *validation, labels.labels, model.vocabulary.input_dim(), settings, best_accuracy,
        [&on_info, &epoch_accuracies, epochs = *settings.epochs](int epoch, double accuracy,
                                                                 bool is_best) {
          epoch_accuracies.push_back(accuracy);
          if (on_info)
            on_info("epoch " + std::to_string(epoch) + " of " + std::to_string(epochs) +
                    ": validation accuracy " + accuracy_text(accuracy) +
                    (is_best ? " (best)" : ""));
        });

  // An MPI rank trains on its share of the corpus and combines its model with the others'.
  std::optional<RankSync> rank_sync;
  ProgressCallback progress = on_progress;
  if (job.ranks) {
    rank_sync.emplace(*job.ranks,
                      job.sync_every.value_or(default_sync_interval(job.ranks->size())));
    control.sync = &*rank_sync;
    // The schedule counts in shares of one rank (training/model_sync.h); progress tells the job's.
    if (on_progress)
      progress = [&on_progress, ranks = static_cast<std::uint64_t>(job.ranks->size())](
                     const TrainProgress& share) {
        TrainProgress job_progress = share;
        job_progress.words_done *= ranks;
        job_progress.words_total *= ranks;
        job_progress.words_before *= ranks;
        on_progress(job_progress);
      };
  }
  const auto share_of = [&job](const Corpus& whole) -> std::unique_ptr<Corpus> {
    if (!job.ranks) return nullptr;
    return std::make_unique<RankShareCorpus>(whole, static_cast<std::size_t>(job.ranks->rank()),
                                             static_cast<std::size_t>(job.ranks->size()));
  };

  TrainResult trained;
  if (supervised) {
    const LabelledTextCorpus whole(job.corpus_path, corpus_name, tokenizer, model.vocabulary,
                                   labels.labels, job.label_prefix);
    const std::unique_ptr<Corpus> share = share_of(whole);
    const Corpus& corpus = share ? *share : static_cast<const Corpus&>(whole);
    if (job.autotune_budget) {
      AutotuneFreedom free = AutotuneFreedom::of(job.settings);
      free.output_dim = free.output_dim && !init_dim;  // --init fixes the size
      AutotuneOutcome tuned = autotune_classifier(
          {model.vocabulary, labels.labels, corpus, *validation, job.settings,
           {classes, init_dim, labels.tokens, labels.labelled_lines}, free, *job.autotune_budget,
           [&](const TrainSettings& candidate) {
             check_memory(model.vocabulary, candidate, classes, true, job.max_memory_bytes, {});
           },
           control.initialize, plan ? plan->stop_requested : std::function<bool()>()},
          on_info);
      trained = std::move(tuned.result);
      settings = tuned.settings;
      best_accuracy = tuned.accuracy;
      autotune_trials = tuned.trials;
    } else {
      trained = train_classifier(model.vocabulary, labels.labels, corpus, settings, progress,
                                 std::move(control));
    }
  } else {
    const TextFileCorpus whole(job.corpus_path, tokenizer, model.vocabulary, corpus_words,
                               corpus_name);
    const std::unique_ptr<Corpus> share = share_of(whole);
    const Corpus& corpus = share ? *share : static_cast<const Corpus&>(whole);
    trained = train_embeddings(model.vocabulary, corpus, settings, progress, std::move(control));
  }
  // The trainer counted in one rank's share (training/model_sync.h); the model tells the corpus.
  if (job.ranks)
    trained.corpus_words = corpus_words.value_or(trained.corpus_words * static_cast<std::uint64_t>(job.ranks->size()));
  if (rank_sync && on_info) {
    const SyncCosts& costs = rank_sync->costs();
    char text[320];
    std::snprintf(text, sizeof text,
                  "MPI: %d ranks combined their models %llu times, %.1f MB each, %.2fs in MPI "
                  "(%.2fs waiting for each other); "
                  "a rank changed %.0f%% of the rows between syncs; "
                  "%llu exchanges of the busy rows, %.2f MB each",
                  job.ranks->size(), static_cast<unsigned long long>(costs.syncs),
                  static_cast<double>(costs.bytes_per_sync) / 1e6, costs.seconds, costs.wait_seconds,
                  costs.rows ? 100.0 * static_cast<double>(costs.changed_rows) /
                                   static_cast<double>(costs.rows)
                             : 0.0,
                  static_cast<unsigned long long>(costs.exchanges),
                  static_cast<double>(costs.bytes_per_exchange) / 1e6);
    on_info(text);
  }
  if (rank_sync && on_warning)
    if (const auto warning =
            sync_share_warning(rank_sync->costs(), trained.seconds,
                               trained.corpus_words * static_cast<std::uint64_t>(*settings.epochs)))
      on_warning(*warning);
  if (trained.stopped) throw TrainingStopped(plan->path);
  model.vectors = std::move(trained.vectors);
  // A classifier is E and its head: predict needs W.
  if (job.keep_head || supervised)
    model.head = HeadWeights{settings.loss, std::move(trained.head_weights)};
  if (trained.bucket_rows.rows() > 0)
    model.buckets = BucketRows{settings.has_char_ngrams() ? kCharNgramsKind : kWordNgramsKind,
                               std::move(trained.bucket_rows)};
  model.labels = std::move(labels.labels);

  const TrainSettings& s = settings;
  // The settings in the form a checkpoint holds them (settings_json.h), and what the run found.
  model.metadata = settings_to_json(s);
  model.metadata.update({
      {"tool", "embedtool"},
      {"tool_version", EMBEDTOOL_VERSION},
      {"input_dim", model.vocabulary.input_dim()},
      {"min_count", job.vocabulary.min_count},
      {"tokenizer", tokenizer_to_json(job.tokenizer)},
      {"corpus_words_per_epoch", trained.corpus_words},
      {"final_average_loss", trained.final_average_loss},
      // Mean loss per prediction of each epoch (the last one kept is `final_average_loss`'s).
      {"epoch_losses", trained.epoch_average_losses},
  });
  if (job.init_path) model.metadata["init"] = *job.init_path;
  // "threads" is then each rank's; the loss figures are rank 0's share of the corpus.
  if (job.ranks) model.metadata["mpi_ranks"] = job.ranks->size();
  if (validation) {
    model.metadata["validation"] = {{"file", *job.validation_path},
                                    {"epoch", trained.epoch},
                                    {"accuracy", *best_accuracy}};
    if (!epoch_accuracies.empty()) model.metadata["validation"]["accuracies"] = epoch_accuracies;
    if (job.autotune_budget)
      model.metadata["autotune"] = {{"trials", autotune_trials},
                                    {"budget_seconds", job.autotune_budget->count() / 1000.0}};
    if (on_info)
      on_info("kept epoch " + std::to_string(trained.epoch) + " of " +
              std::to_string(*settings.epochs) + ": validation accuracy " +
              accuracy_text(*best_accuracy));
  }
  if (supervised) model.metadata["label_prefix"] = job.label_prefix;
  // Timings stay out of the metadata: the same corpus and settings must give the same bytes.
  if (on_info) {
    on_info("trained " + std::to_string(model.vectors.rows()) + " x " +
            std::to_string(model.vectors.cols()) + " in " + format_seconds(trained.seconds) +
            " (final loss " + std::to_string(trained.final_average_loss) + ")");
  }
  return model;
}

}  // namespace embedtool
