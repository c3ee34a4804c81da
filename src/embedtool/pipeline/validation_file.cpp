#include "embedtool/pipeline/validation_file.h"

#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/sequences/labelled_line.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/training/heads/head_registry.h"

namespace embedtool {

ValidationFile read_validation_file(const std::string& path, const Tokenizer& tokenizer,
                                    const Vocabulary& vocabulary, const LabelSet& labels,
                                    const std::string& label_prefix) {
  InputFile input(path);
  LineReader lines(input.stream(), input.display_name());
  const TextEncoder encoder(tokenizer, vocabulary);
  ValidationFile result;
  std::string line;
  std::string text;
  std::vector<std::string_view> line_labels;
  std::vector<ClassId> classes;
  Sequence ids;
  std::string token_text;
  std::vector<std::size_t> token_ends;
  std::vector<std::string_view> tokens;
  while (lines.next(line)) {
    split_labels(line, label_prefix, line_labels, text);
    if (line_labels.empty()) {
      ++result.unlabelled_lines;
      continue;
    }
    classes.clear();
    for (const std::string_view label : line_labels)
      if (const auto index = labels.index_of(label)) classes.push_back(static_cast<ClassId>(*index));
    if (classes.empty()) ++result.unknown_label_examples;
    // The words' text too: a model with subwords reads an unknown word's n-grams.
    ids.clear();
    token_text.clear();
    token_ends.clear();
    tokenizer.for_each_token(
        text, {input.display_name(), lines.line_number(), lines.line_offset()},
        [&](std::string_view word) {
          ids.push_back(encoder.id_of(word));
          token_text.append(word);
          token_ends.push_back(token_text.size());
        });
    tokens.clear();
    for (std::size_t i = 0, start = 0; i < token_ends.size(); start = token_ends[i++])
      tokens.emplace_back(token_text.data() + start, token_ends[i] - start);
    result.examples.add(ids, classes, tokens);
  }
  if (result.examples.examples() == 0)
    throw Error(input.display_name() + " has no labelled line to validate on (labels are tokens "
                "that start with \"" + label_prefix + "\")");
  return result;
}

std::function<bool(int, ModelWeights&)> best_epoch_scorer(
    const ValidationFile& validation, const LabelSet& labels, std::size_t input_dim,
    const TrainSettings& settings, std::optional<double>& best,
    std::function<void(int, double, bool)> on_score) {
  // Heads read W through a family built as training's (hs: the same tree from the same counts).
  std::shared_ptr<const HeadFamily> family(
      find_head_kind(settings.loss)->make_family(
          {labels.counts(), settings.negatives, 1, settings.ns_exponent}));
  const LineInputShape shape{
      input_dim, *settings.word_ngrams, settings.buckets.value_or(0),
      {static_cast<std::uint32_t>(settings.minn), static_cast<std::uint32_t>(settings.maxn)}};
  return [&validation, family, shape, &best, on_score](int epoch, ModelWeights& weights) {
    Random unused(1);  // a head asks for a generator; predicting draws nothing
    const std::unique_ptr<Head> head = family->make(weights.output, unused);
    const double accuracy = validation.examples.accuracy(weights.input, shape, *head);
    const bool is_best = !best || accuracy >= *best;
    if (is_best) best = accuracy;
    if (on_score) on_score(epoch, accuracy, is_best);
    return is_best;
  };
}

std::string accuracy_text(double accuracy) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", accuracy);
  return text;
}

}  // namespace embedtool
