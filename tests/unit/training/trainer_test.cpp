#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cosine.h"
#include "embedtool/errors.h"
#include "embedtool/training/loss_choice.h"
#include "embedtool/training/trainer.h"
#include "two_topic_corpus.h"
#include "resolved_settings.h"

namespace embedtool {
namespace trainer_test {

using testing::cosine;
using testing::TwoTopicCorpus;

TrainSettings small_settings() {
  TrainSettings settings;
  settings.output_dim = 16;
  settings.window = 3;
  settings.epochs = 3;
  settings.learning_rate = 0.05f;
  settings.seed = 7;
  // Every word of these 20-word corpora is frequent (5%): the default subsampling would drop
  // most of them.
  settings.sample = 0;
  return settings;
}

TrainResult train(const TwoTopicCorpus& corpus, const TrainSettings& settings,
                  const ProgressCallback& on_progress = {}) {
  return train_embeddings(corpus.vocabulary, corpus.corpus(), resolved(settings, corpus.vocabulary.word_count()), on_progress);
}

bool bit_identical(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

TEST_CASE("skip-gram: E has one row per id, the reserved rows stay zero") {
  const TwoTopicCorpus corpus;
  const TrainResult result = train(corpus, small_settings());
  CHECK(result.vectors.rows() == static_cast<Eigen::Index>(corpus.vocabulary.input_dim()));
  CHECK(result.vectors.cols() == 16);
  CHECK(result.vectors.row(kPaddingId).isZero(0));
  CHECK(result.vectors.row(kUnknownId).isZero(0));
  CHECK(result.corpus_words == 3000);
  CHECK(result.epoch_average_losses.size() == 3);
  CHECK(result.final_average_loss == result.epoch_average_losses.back());
  CHECK(result.vectors.allFinite());
}

TEST_CASE("skip-gram: the loss falls, and words of one topic end up closer together") {
  const TwoTopicCorpus corpus;
  TrainSettings settings = small_settings();
  settings.epochs = 5;
  const TrainResult result = train(corpus, settings);
  const auto& losses = result.epoch_average_losses;
  const double uniform = std::log(static_cast<double>(corpus.vocabulary.word_count()));
  CAPTURE(losses.front());
  CAPTURE(losses.back());
  CHECK(losses.back() < losses.front() - 0.05);
  // A topic has 10 of the 20 words, so log(10) is the best a model can do: well below log(20).
  CHECK(losses.back() < uniform - 0.3);

  double same_topic = 0;
  double other_topic = 0;
  for (std::size_t i = 1; i < TwoTopicCorpus::kWordsPerTopic; ++i) {
    const std::string number = std::to_string(i);
    same_topic += cosine(result.vectors, corpus.id("a0"), corpus.id(std::string("a") += number));
    other_topic += cosine(result.vectors, corpus.id("a0"), corpus.id(std::string("b") += number));
  }
  CHECK(same_topic > other_topic + 1.0);
}

TEST_CASE("skip-gram: the same seed gives the same E bit for bit, another seed another E") {
  const TwoTopicCorpus corpus(60);
  TrainSettings settings = small_settings();
  const Matrix first = train(corpus, settings).vectors;
  const Matrix again = train(corpus, settings).vectors;
  CHECK(bit_identical(first, again));
  settings.seed = 8;
  CHECK_FALSE(bit_identical(first, train(corpus, settings).vectors));
}

TEST_CASE("a huge learning rate is reported as divergence, for every head and architecture") {
  const TwoTopicCorpus corpus(60);
  for (const Architecture architecture : {Architecture::skipgram, Architecture::cbow}) {
    for (const std::string loss :
         {"softmax", "ns", "hs"}) {
      CAPTURE(name_of(architecture));
      CAPTURE(loss);
      TrainSettings settings = small_settings();
      settings.architecture = architecture;
      settings.loss = loss;
      settings.learning_rate = 1e30f;
      settings.threads = 2;
      try {
        train(corpus, settings);
        FAIL("training should have diverged");
      } catch (const UsageError&) {
        FAIL("divergence is a failed run, not a usage error");
      } catch (const Error& error) {
        const std::string message = error.what();
        CHECK(message.find("training diverged (loss is ") == 0);
        CHECK(message.find("learning rate 1e+30") != std::string::npos);
        CHECK(message.find("try a smaller --lr") != std::string::npos);
      }
    }
  }
}

TEST_CASE("several threads: every word is read once per epoch, the loss falls, topics separate") {
  const TwoTopicCorpus corpus;
  TrainSettings settings = small_settings();
  settings.epochs = 5;
  settings.threads = 3;
  std::vector<TrainProgress> reports;
  const TrainResult result =
      train(corpus, settings, [&](const TrainProgress& p) { reports.push_back(p); });
  REQUIRE_FALSE(reports.empty());
  CHECK(reports.back().words_done == 5 * 3000);
  CHECK(reports.back().threads == 3);
  const auto& losses = result.epoch_average_losses;
  CHECK(losses.back() < losses.front() - 0.05);
  double same_topic = 0;
  double other_topic = 0;
  for (std::size_t i = 1; i < TwoTopicCorpus::kWordsPerTopic; ++i) {
    const std::string number = std::to_string(i);
    same_topic += cosine(result.vectors, corpus.id("b0"), corpus.id(std::string("b") += number));
    other_topic += cosine(result.vectors, corpus.id("b0"), corpus.id(std::string("a") += number));
  }
  CHECK(same_topic > other_topic + 1.0);
}

TEST_CASE("--loss auto: the exact softmax for small vocabularies, negative sampling beyond") {
  CHECK(choose_loss("auto", kAutoSoftmaxMaxWords).loss == "softmax");
  CHECK(choose_loss("auto", kAutoSoftmaxMaxWords + 1).loss ==
        "ns");
  CHECK(choose_loss("hs", 5).loss == "hs");
  CHECK(choose_loss("ova", 5).loss == "ova");
  // ova is for multi-label classifiers: auto never takes it, at any vocabulary size.
  for (const std::size_t words : {std::size_t{0}, std::size_t{1}, kAutoSoftmaxMaxWords,
                                  kAutoSoftmaxMaxWords + 1, std::size_t{1} << 30}) {
    CAPTURE(words);
    CHECK(choose_loss("auto", words).loss != "ova");
  }
  CHECK(choose_loss("auto", 20).reason.find("softmax") != std::string::npos);
  const TwoTopicCorpus corpus(30);  // 20 words
  CHECK(train(corpus, small_settings()).loss == "softmax");
}

TEST_CASE("skip-gram: impossible settings name their flag") {
  const TwoTopicCorpus corpus(10);
  auto rejects = [&](TrainSettings settings, const std::string& flag) {
    CAPTURE(flag);
    try {
      train(corpus, settings);
      FAIL("accepted");
    } catch (const UsageError& error) {
      CHECK(std::string(error.what()).find(flag) != std::string::npos);
    }
  };
  TrainSettings settings = small_settings();
  settings.output_dim = 0;
  rejects(settings, "--output-dim");
  settings = small_settings();
  settings.window = 0;
  rejects(settings, "--window");
  settings = small_settings();
  settings.epochs = -1;
  rejects(settings, "--epochs");
  settings = small_settings();
  settings.negatives = 0;
  rejects(settings, "--neg");
  settings = small_settings();
  settings.threads = 0;
  rejects(settings, "--threads");
  settings = small_settings();
  settings.sample = -1e-3;
  rejects(settings, "--sample");
  for (const float rate : {0.0f, -0.1f, NAN, INFINITY}) {
    settings = small_settings();
    settings.learning_rate = rate;
    rejects(settings, "--lr");
  }
}

TEST_CASE("skip-gram: a corpus without vocabulary words is an error") {
  const TwoTopicCorpus corpus(10);
  const InMemoryCorpus only_reserved({{kPaddingId, kUnknownId}, {}, {kUnknownId}});
  CHECK_THROWS_WITH_AS(train_embeddings(corpus.vocabulary, only_reserved, resolved(small_settings(), corpus.vocabulary.word_count())),
                       doctest::Contains("no words in the vocabulary"), Error);
}

TEST_CASE("skip-gram: an id beyond the vocabulary is an error naming it") {
  const TwoTopicCorpus corpus(10);
  const auto beyond = static_cast<WordId>(corpus.vocabulary.input_dim());
  const InMemoryCorpus source({{2, 3}, {2, beyond}});
  const std::string expected = "word id " + std::to_string(beyond) + " in sentence 2";
  CHECK_THROWS_WITH_AS(train_embeddings(corpus.vocabulary, source, resolved(small_settings(), corpus.vocabulary.word_count())),
                       doctest::Contains(expected.c_str()), Error);
}

TEST_CASE("skip-gram: reserved ids are dropped before windows are formed") {
  // With the padding and unknown ids removed, both corpora are the same sentences.
  const TwoTopicCorpus corpus(40);
  std::vector<Sequence> padded;
  for (const Sequence& sentence : corpus.sentences) {
    Sequence ids{kPaddingId, kPaddingId};
    for (const WordId id : sentence) {
      ids.push_back(id);
      ids.push_back(kUnknownId);
    }
    padded.push_back(ids);
  }
  const InMemoryCorpus padded_source(padded);
  const TrainResult with_reserved =
      train_embeddings(corpus.vocabulary, padded_source, resolved(small_settings(), corpus.vocabulary.word_count()));
  CHECK(with_reserved.corpus_words == 400);
  CHECK(bit_identical(with_reserved.vectors, train(corpus, small_settings()).vectors));
}

TEST_CASE("skip-gram: the last progress report covers the whole run") {
  const TwoTopicCorpus corpus(30);
  std::vector<TrainProgress> reports;
  const TrainResult result =
      train(corpus, small_settings(), [&](const TrainProgress& p) { reports.push_back(p); });
  REQUIRE_FALSE(reports.empty());
  const TrainProgress& last = reports.back();
  CHECK(last.words_total == 3 * result.corpus_words);
  CHECK(last.words_done == last.words_total);
  CHECK(last.epoch == 3);
  CHECK(last.average_loss > 0);
  CHECK(last.learning_rate < 0.05f * 0.01f);
  CHECK(last.learning_rate > 0);
  CHECK(last.elapsed_seconds >= 0);
}

}  // namespace trainer_test
}  // namespace embedtool
