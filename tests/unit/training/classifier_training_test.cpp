// train_classifier: one step per labelled line, h the mean of its input rows, a head over the
// labels. Small made-up tasks whose answers are known.
#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/input_step.h"
#include "embedtool/training/line_input_rows.h"
#include "embedtool/training/trainer.h"
#include "labelled_corpus.h"
#include "resolved_settings.h"

namespace embedtool {
namespace {

using test::LabelledCorpus;
using test::LabelledLine;

// Words "w2".."w9" (ids 2..9); labels "__label__a" (0) and "__label__b" (1).
struct Task {
  Vocabulary vocabulary;
  LabelSet labels;
  Task() {
    for (const char* word : {"w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9"})
      vocabulary.add(word, 10);
    labels.add("__label__a", 10);
    labels.add("__label__b", 10);
  }
};

TrainSettings classifier_settings(const std::string& loss = "auto") {
  TrainSettings settings;
  settings.architecture = Architecture::supervised;
  settings.loss = loss;
  settings.output_dim = 8;
  settings.epochs = 20;
  settings.learning_rate = 0.5f;
  settings.seed = 3;
  settings.word_ngrams = 1;
  return settings;
}

// The label the model ranks first for `words`, as predict will compute it.
ClassId predicted(const TrainResult& result, const TrainSettings& settings, const LabelSet& labels,
                  const Sequence& words) {
  Matrix table(result.vectors.rows() + result.bucket_rows.rows(), result.vectors.cols());
  table.topRows(result.vectors.rows()) = result.vectors;
  if (result.bucket_rows.rows() > 0) table.bottomRows(result.bucket_rows.rows()) = result.bucket_rows;
  const LineInputShape shape{static_cast<std::size_t>(result.vectors.rows()), *settings.word_ngrams,
                             static_cast<std::uint64_t>(result.bucket_rows.rows())};
  std::vector<InputRow> rows;
  append_line_input_rows(words, shape, rows);
  std::vector<float> h(static_cast<std::size_t>(table.cols()));
  mean_of_rows(table, rows, h);
  Matrix weights = result.head_weights;
  Random random(1);
  const auto family = find_head_kind(settings.loss)->make_family({labels.counts(), 5, 1});
  const auto head = family->make(weights, random);
  std::vector<float> log_p(labels.size());
  head->predict(h, log_p);
  return log_p[0] >= log_p[1] ? 0 : 1;
}

TEST_CASE("a classifier learns which words mark which label") {
  const Task task;
  std::vector<LabelledLine> lines;
  for (int i = 0; i < 50; ++i) {
    lines.push_back({{2, 4, 5}, {0}});  // w2 marks a
    lines.push_back({{3, 5, 4}, {1}});  // w3 marks b
  }
  for (const std::string loss : {"softmax", "hs", "ova"}) {
    CAPTURE(loss);
    const TrainSettings settings = resolved(classifier_settings(loss), task.labels.size());
    const TrainResult result =
        train_classifier(task.vocabulary, task.labels, LabelledCorpus(lines), settings);
    CHECK(result.vectors.rows() == 10);
    CHECK(result.bucket_rows.rows() == 0);
    CHECK(result.epoch_average_losses.back() < result.epoch_average_losses.front());
    CHECK(predicted(result, settings, task.labels, {2, 4}) == 0);
    CHECK(predicted(result, settings, task.labels, {3, 4}) == 1);
  }
}

TEST_CASE("word n-grams tell apart lines that hold the same words in another order") {
  // "w2 w3" is a, "w3 w2" is b: their words' mean is the same, so only a bigram separates them.
  const Task task;
  std::vector<LabelledLine> lines;
  for (int i = 0; i < 50; ++i) {
    lines.push_back({{2, 3}, {0}});
    lines.push_back({{3, 2}, {1}});
  }
  TrainSettings words_only = classifier_settings("softmax");
  TrainSettings bigrams = words_only;
  bigrams.word_ngrams = 2;
  bigrams.buckets = 64;
  const TrainSettings with = resolved(bigrams, 2);
  const TrainResult result = train_classifier(task.vocabulary, task.labels, LabelledCorpus(lines), with);
  CHECK(result.bucket_rows.rows() == 64);
  CHECK(predicted(result, with, task.labels, {2, 3}) == 0);
  CHECK(predicted(result, with, task.labels, {3, 2}) == 1);
  // Without bigrams the two lines look alike: the loss stays at that of a coin toss, ln 2.
  const TrainSettings without = resolved(words_only, 2);
  const TrainResult plain =
      train_classifier(task.vocabulary, task.labels, LabelledCorpus(lines), without);
  CHECK(plain.final_average_loss > 0.6);
  CHECK(result.final_average_loss < 0.2);
}

TEST_CASE("a line's labels: unlabelled and wordless lines train nothing; one thread repeats") {
  const Task task;
  std::vector<LabelledLine> lines;
  for (int i = 0; i < 20; ++i) {
    lines.push_back({{2, 4}, {0}});
    lines.push_back({{3, 4}, {1}});
    lines.push_back({{5, 6}, {}});           // no label: skipped
    lines.push_back({{kUnknownId}, {1}});    // no word with a row: skipped
  }
  const TrainSettings settings = resolved(classifier_settings("softmax"), 2);
  const TrainResult once = train_classifier(task.vocabulary, task.labels, LabelledCorpus(lines), settings);
  const TrainResult again = train_classifier(task.vocabulary, task.labels, LabelledCorpus(lines), settings);
  CHECK(std::memcmp(once.vectors.data(), again.vectors.data(),
                    sizeof(float) * static_cast<std::size_t>(once.vectors.size())) == 0);
  // Rows start from the seed alone, so a run of one epoch and one of twenty start alike: the
  // rows of words seen only in unlabelled lines (w5, w6) never move, the others do.
  TrainSettings short_settings = classifier_settings("softmax");
  short_settings.epochs = 1;
  const TrainResult short_run = train_classifier(task.vocabulary, task.labels,
                                                 LabelledCorpus(lines), resolved(short_settings, 2));
  CHECK(short_run.vectors.row(5) == once.vectors.row(5));
  CHECK(short_run.vectors.row(6) == once.vectors.row(6));
  CHECK(short_run.vectors.row(2) != once.vectors.row(2));
}

TEST_CASE("train_classifier refuses word-model settings and an empty label set") {
  const Task task;
  const LabelledCorpus corpus({{{2}, {0}}});
  TrainSettings words = classifier_settings("softmax");
  words.architecture = Architecture::skipgram;
  CHECK_THROWS_AS(train_classifier(task.vocabulary, task.labels, corpus, resolved(words, 2)),
                  std::logic_error);
  CHECK_THROWS_AS(train_embeddings(task.vocabulary, corpus,
                                   resolved(classifier_settings("softmax"), 2)),
                  std::logic_error);
  CHECK_THROWS_AS(train_classifier(task.vocabulary, LabelSet{}, corpus,
                                   resolved(classifier_settings("softmax"), 2)),
                  Error);
}

}  // namespace
}  // namespace embedtool
