#include "embedtool/pipeline/train_model.h"

#include <cstdio>

#include "embedtool/errors.h"
#include "embedtool/pipeline/build_vocabulary.h"
#include "embedtool/pipeline/input_file.h"
#include "embedtool/pipeline/text_file_corpus.h"
#include "embedtool/pipeline/text_file_count.h"
#include "embedtool/training/loss_choice.h"
#include "embedtool/vocabulary/vocabulary_io.h"

namespace embedtool {

namespace {

const char* unicode_errors_name(UnicodeErrors mode) {
  switch (mode) {
    case UnicodeErrors::strict: return "strict";
    case UnicodeErrors::replace: return "replace";
    case UnicodeErrors::ignore: return "ignore";
  }
  return "strict";
}

struct CorpusVocabulary {
  Vocabulary vocabulary;
  // The vocabulary words in the corpus, when the vocabulary was counted from it.
  std::optional<std::uint64_t> corpus_words;
};

CorpusVocabulary load_or_build_vocabulary(const TrainJob& job, const std::string& corpus_name,
                                          const Tokenizer& tokenizer, const InfoCallback& on_info) {
  if (job.vocabulary_path) {
    InputFile input(*job.vocabulary_path);
    return {read_vocabulary_tsv(input.stream(), input.display_name()), std::nullopt};
  }
  const CorpusCount counted = count_text_file(job.corpus_path, corpus_name, tokenizer);
  Vocabulary vocabulary = counted.counter.build(job.vocabulary);
  if (on_info) {
    on_info("corpus: " + std::to_string(counted.lines) + " lines, " +
            std::to_string(counted.counter.tokens_seen()) + " words, " +
            std::to_string(counted.counter.distinct_words()) + " distinct; vocabulary keeps " +
            std::to_string(vocabulary.word_count()) + " words (input_dim " +
            std::to_string(vocabulary.input_dim()) + ")");
  }
  const std::uint64_t kept_words = vocabulary.total_count();
  return {std::move(vocabulary), kept_words};
}

std::string format_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", seconds);
  return text;
}

}  // namespace

nlohmann::json tokenizer_to_json(const TokenizerOptions& options) {
  return {{"lowercase", options.lowercase},
          {"filter_punctuation", options.filter_punctuation},
          {"filters", options.filters},
          {"unicode_errors", unicode_errors_name(options.unicode_errors)}};
}

EmbeddingModel train_model(const TrainJob& job, const ProgressCallback& on_progress,
                           const InfoCallback& on_info) {
  validate(job.settings);  // before the corpus is read
  const Tokenizer tokenizer(job.tokenizer);
  const std::string corpus_name = job.corpus_name.value_or(job.corpus_path);
  CorpusVocabulary counted = load_or_build_vocabulary(job, corpus_name, tokenizer, on_info);
  EmbeddingModel model;
  model.vocabulary = std::move(counted.vocabulary);
  if (model.vocabulary.word_count() == 0) {
    throw Error("the vocabulary of " + corpus_name +
                " is empty: no word reaches the minimum count (try a smaller --min-count)");
  }

  TrainSettings settings = job.settings;
  const LossChoice loss = choose_loss(settings.loss, model.vocabulary.word_count());
  settings.loss = loss.loss;
  settings.learning_rate = learning_rate_of(settings);
  if (on_info) {
    on_info(std::string(name_of(settings.architecture)) + ", " + loss.reason + ", " +
            std::to_string(settings.threads) + (settings.threads == 1 ? " thread" : " threads"));
  }

  const TextFileCorpus corpus(job.corpus_path, tokenizer, model.vocabulary, counted.corpus_words,
                              corpus_name);
  TrainResult trained = train_embeddings(model.vocabulary, corpus, settings, on_progress);
  model.vectors = std::move(trained.vectors);

  const TrainSettings& s = settings;
  model.metadata = {
      {"tool", "embedtool"},
      {"tool_version", EMBEDTOOL_VERSION},
      {"architecture", name_of(s.architecture)},
      {"loss", name_of(s.loss)},
      {"input_dim", model.vocabulary.input_dim()},
      {"output_dim", s.output_dim},
      {"window", s.window},
      {"sample", s.sample},
      {"epochs", s.epochs},
      {"learning_rate", *s.learning_rate},
      {"threads", s.threads},
      {"seed", s.seed},
      {"min_count", job.vocabulary.min_count},
      {"tokenizer", tokenizer_to_json(job.tokenizer)},
      {"corpus_words_per_epoch", trained.corpus_words},
      {"final_average_loss", trained.final_average_loss},
  };
  if (s.loss == LossKind::negative_sampling) model.metadata["negatives"] = s.negatives;
  // Timings stay out of the metadata: the same corpus and settings must give the same bytes.
  if (on_info) {
    on_info("trained " + std::to_string(model.vectors.rows()) + " x " +
            std::to_string(model.vectors.cols()) + " in " + format_seconds(trained.seconds) +
            " (final loss " + std::to_string(trained.final_average_loss) + ")");
  }
  return model;
}

}  // namespace embedtool
