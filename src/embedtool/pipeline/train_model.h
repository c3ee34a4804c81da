#pragma once
// The `train` job as a library call: vocabulary (built from the corpus or read from a file),
// training (training/trainer.h), and a model carrying its vocabulary and the settings that made
// it.
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "embedtool/cluster/rank_sync.h"
#include "embedtool/cluster/rank_group.h"
#include "embedtool/model.h"
#include "embedtool/sequences/labelled_line.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/train_progress.h"
#include "embedtool/training/trainer.h"
#include "embedtool/training/train_settings.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct TrainJob {
  std::string corpus_path;                     // a regular file (the CLI spools stdin first)
  std::optional<std::string> corpus_name;      // names the corpus in messages; default the path
  std::optional<std::string> vocabulary_path;  // a `vocab` file; built from the corpus if unset
  TokenizerOptions tokenizer;
  VocabularyOptions vocabulary;  // ignored when vocabulary_path is set
  TrainSettings settings;
  // Pretrained vectors (any format load_vectors reads) for the rows of the words they have.
  std::optional<std::string> init_path;
  // Refuse to train when the memory estimate (training/memory_estimate.h) exceeds this many
  // bytes; 0: the machine's physical memory.
  std::uint64_t max_memory_bytes = 0;
  // Store the head's weights W in the model (an optional .emb section). Word vectors need only
  // E; W is what scores classes for an h, as large as E for ns. A classifier always keeps it.
  bool keep_head = false;
  // A classifier (settings.architecture == supervised): its labels are the tokens of the corpus
  // that start with this (sequences/labelled_line.h).
  std::string label_prefix = std::string(kDefaultLabelPrefix);
  // A classifier's held-out labelled file (pipeline/validation_file.h): scored after every
  // epoch, and the best epoch's weights are the model (the last one's among equals).
  std::optional<std::string> validation_path;
  // With validation_path: search the settings left unset within this time and keep the best
  // (pipeline/autotune_classifier.h). No checkpoints are written meanwhile.
  std::optional<std::chrono::milliseconds> autotune_budget;
  // This process is one rank of an MPI job (cluster/launcher.h): the ranks check that they all
  // read the same corpus, count its vocabulary together, each trains on its share with its own
  // threads, and they average their models at every `sync_every` (cluster/rank_sync.h),
  // so that every rank ends with the same model. Null: this process trains alone.
  RankGroup* ranks = nullptr;
  // Unset: default_sync_interval(the number of ranks).
  std::optional<SyncInterval> sync_every;
};

// When and where checkpoints are written (storage/checkpoint_file.h), and when to stop.
struct CheckpointPlan {
  std::string path;
  std::optional<std::chrono::milliseconds> every;  // periodic checkpoints; none if unset
  // Polled every poll_interval: true writes a checkpoint and stops (TrainingStopped).
  std::function<bool()> stop_requested;
  std::chrono::milliseconds poll_interval{500};  // tests shorten it
  std::function<void()> on_written;  // after each checkpoint written
};

// Thrown by train_model when plan.stop_requested stopped the run, after the checkpoint was
// written; no model is returned.
class TrainingStopped : public std::runtime_error {
 public:
  explicit TrainingStopped(std::string checkpoint_path)
      : std::runtime_error("training stopped; checkpoint written to " + checkpoint_path),
        checkpoint_path_(std::move(checkpoint_path)) {}
  const std::string& checkpoint_path() const { return checkpoint_path_; }

 private:
  std::string checkpoint_path_;
};

struct ResumePoint;  // train_checkpoint.h

// Messages for the user (vocabulary size, ...); the CLI sends them to its log.
using InfoCallback = std::function<void(const std::string&)>;

// Trains a word model, or a classifier when job.settings.architecture is supervised (its model
// has labels, the head's W and, with word n-grams, their bucket rows).
// Throws Error / UsageError on bad input (no words, no labelled line, unreadable files,
// divergence, ...).
// With a plan, writes checkpoints as it says. With `resume` (from read_checkpoint), continues
// that run instead of starting one: `job` must be resume->job with corpus_path pointing at the
// corpus to read, which must be the one the checkpoint was made on (Error otherwise); the
// weights are moved out of `resume`.
// `on_warning`: what the user should know went wrong but did not stop the run (a classifier's
// lines without labels, skipped).
EmbeddingModel train_model(const TrainJob& job, const ProgressCallback& on_progress = {},
                           const InfoCallback& on_info = {},
                           const CheckpointPlan* plan = nullptr, ResumePoint* resume = nullptr,
                           const InfoCallback& on_warning = {});

}  // namespace embedtool
