#pragma once
// The `train` job as a library call: vocabulary (built from the corpus or read from a file),
// training (training/trainer.h), and a model carrying its vocabulary and the settings that made
// it.
#include <functional>
#include <optional>
#include <string>

#include "embedtool/model.h"
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
};

// Messages for the user (vocabulary size, ...); the CLI sends them to its log.
using InfoCallback = std::function<void(const std::string&)>;

// Throws Error / UsageError on bad input (no words, unreadable files, divergence, ...).
EmbeddingModel train_model(const TrainJob& job, const ProgressCallback& on_progress = {},
                           const InfoCallback& on_info = {});

// The tokenizer settings as stored in a model's metadata, and back (for tools that must
// tokenize text the way the model's corpus was).
nlohmann::json tokenizer_to_json(const TokenizerOptions& options);

}  // namespace embedtool
