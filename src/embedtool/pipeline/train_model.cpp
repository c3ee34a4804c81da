#include "embedtool/pipeline/train_model.h"

#include <cstdio>

#include "embedtool/errors.h"
#include "embedtool/pipeline/build_vocabulary.h"
#include "embedtool/pipeline/input_file.h"
#include "embedtool/pipeline/text_file_corpus.h"
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

Vocabulary load_or_build_vocabulary(const TrainJob& job, const Tokenizer& tokenizer,
                                    const InfoCallback& on_info) {
  if (job.vocabulary_path) {
    InputFile input(*job.vocabulary_path);
    return read_vocabulary_tsv(input.stream(), input.display_name());
  }
  const CorpusCount counted = count_corpus({job.corpus_path}, tokenizer);
  Vocabulary vocabulary = counted.counter.build(job.vocabulary);
  if (on_info) {
    on_info("corpus: " + std::to_string(counted.lines) + " lines, " +
            std::to_string(counted.counter.tokens_seen()) + " words, " +
            std::to_string(counted.counter.distinct_words()) + " distinct; vocabulary keeps " +
            std::to_string(vocabulary.word_count()) + " words (input_dim " +
            std::to_string(vocabulary.input_dim()) + ")");
  }
  return vocabulary;
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
  const Tokenizer tokenizer(job.tokenizer);
  EmbeddingModel model;
  model.vocabulary = load_or_build_vocabulary(job, tokenizer, on_info);
  if (model.vocabulary.word_count() == 0) {
    throw Error("the vocabulary of " + job.corpus_path +
                " is empty: no word reaches the minimum count (try a smaller --min-count)");
  }

  TextFileCorpus corpus(job.corpus_path, tokenizer, model.vocabulary);
  TrainResult trained = train_skipgram(model.vocabulary, corpus, job.settings, on_progress);
  model.vectors = std::move(trained.vectors);

  const TrainSettings& s = job.settings;
  model.metadata = {
      {"tool", "embedtool"},
      {"tool_version", EMBEDTOOL_VERSION},
      {"architecture", "skipgram"},
      {"loss", "softmax"},
      {"input_dim", model.vocabulary.input_dim()},
      {"output_dim", s.output_dim},
      {"window", s.window},
      {"epochs", s.epochs},
      {"learning_rate", s.learning_rate},
      {"seed", s.seed},
      {"min_count", job.vocabulary.min_count},
      {"tokenizer", tokenizer_to_json(job.tokenizer)},
      {"corpus_words_per_epoch", trained.corpus_words},
      {"final_average_loss", trained.final_average_loss},
  };
  // Timings stay out of the metadata: the same corpus and settings must give the same bytes.
  if (on_info) {
    on_info("trained " + std::to_string(model.vectors.rows()) + " x " +
            std::to_string(model.vectors.cols()) + " in " + format_seconds(trained.seconds) +
            " (final loss " + std::to_string(trained.final_average_loss) + ")");
  }
  return model;
}

}  // namespace embedtool
