#include <doctest/doctest.h>

#include <string>

#include "error_message.h"
#include "embedtool/errors.h"
#include "embedtool/training/trainer.h"
#include "embedtool/training/word_subword_rows.h"
#include "resolved_settings.h"
#include "two_topic_corpus.h"

namespace embedtool {
namespace word_subword_rows_test {

using testing::TwoTopicCorpus;
using unit_test::error_of;

Vocabulary three_words() {
  Vocabulary vocabulary;
  vocabulary.add("cat", 5);
  vocabulary.add("cats", 3);
  vocabulary.add("é", 1);
  return vocabulary;
}

TEST_CASE("a word's inputs: its own row, then one bucket row per n-gram below E's rows") {
  const Vocabulary vocabulary = three_words();
  const CharNgramRange range{2, 3};
  const std::uint64_t buckets = 1000;
  const WordSubwordRows subwords(vocabulary, range, buckets);
  const auto input_dim = static_cast<InputRow>(vocabulary.input_dim());
  for (WordId id = kFirstWordId; id < static_cast<WordId>(vocabulary.input_dim()); ++id) {
    CAPTURE(vocabulary.word(id));
    const std::span<const InputRow> rows = subwords.rows(id);
    const std::vector<std::uint64_t> expected = char_ngram_buckets(vocabulary.word(id), range, buckets);
    REQUIRE(rows.size() == 1 + expected.size());
    CHECK(rows[0] == id);
    for (std::size_t i = 0; i < expected.size(); ++i)
      CHECK(rows[i + 1] == input_dim + static_cast<InputRow>(expected[i]));
  }
  // "<cat>": <c ca at t> (2), <ca cat at> (3).
  CHECK(subwords.rows(*vocabulary.id_of("cat")).size() == 1 + 7);
  // "<é>" has the 2-grams "<é" and "é>" and the 3-gram "<é>", é being one character.
  CHECK(subwords.rows(*vocabulary.id_of("é")).size() == 1 + 3);
  CHECK(subwords.rows(kPaddingId).empty());
  CHECK(subwords.rows(kUnknownId).empty());
  CHECK(count_char_ngrams(vocabulary, range) == 7 + 9 + 3);
}

TEST_CASE("--minn and --maxn: impossible ranges are refused by name; classifiers take them") {
  TrainSettings settings;
  settings.minn = 3;
  CHECK(error_of([&] { validate(settings); }).starts_with("--minn needs --maxn"));
  settings.minn = 0;
  settings.maxn = 6;
  CHECK(error_of([&] { validate(settings); }).starts_with("--maxn needs --minn"));
  settings.minn = 7;
  CHECK(error_of([&] { validate(settings); }) ==
        "--minn must be at most --maxn (got --minn 7 and --maxn 6)");
  settings.minn = 3;
  settings.architecture = Architecture::supervised;
  validate(settings);
  settings.word_ngrams = 1;
  CHECK(settings.has_buckets());  // the character n-grams' alone
  settings.architecture = Architecture::cbow;
  settings.word_ngrams.reset();
  validate(settings);
  CHECK(settings.has_buckets());
}

TrainSettings subword_settings(Architecture architecture) {
  TrainSettings settings;
  settings.architecture = architecture;
  settings.output_dim = 16;
  settings.window = 3;
  settings.epochs = 5;
  settings.learning_rate = 0.05f;
  settings.sample = 0;
  settings.minn = 2;
  settings.maxn = 3;
  settings.buckets = 4096;
  return settings;
}

double cosine_of(const Eigen::RowVectorXf& x, const Eigen::RowVectorXf& y) {
  return static_cast<double>(x.dot(y)) / (static_cast<double>(x.norm()) * y.norm());
}

TEST_CASE("skip-gram and CBOW with subwords: n-gram rows are learned, and an unseen word that "
          "shares a topic's n-grams lands nearer that topic") {
  // The topics' words are "a0".."a9" and "b0".."b9": "a12", never seen, shares "<a" and "a1"
  // with the first topic only.
  const TwoTopicCorpus corpus;
  for (const Architecture architecture : {Architecture::skipgram, Architecture::cbow}) {
    CAPTURE(name_of(architecture));
    const TrainSettings settings = subword_settings(architecture);
    const TrainResult result =
        train_embeddings(corpus.vocabulary, corpus.corpus(),
                         resolved(settings, corpus.vocabulary.word_count()));
    REQUIRE(result.bucket_rows.rows() == 4096);
    REQUIRE(result.vectors.rows() == static_cast<Eigen::Index>(corpus.vocabulary.input_dim()));
    CHECK(result.vectors.allFinite());
    CHECK(result.bucket_rows.allFinite());

    Eigen::RowVectorXf unseen = Eigen::RowVectorXf::Zero(16);
    for (const std::uint64_t bucket : char_ngram_buckets("a12", {2, 3}, 4096))
      unseen += result.bucket_rows.row(static_cast<Eigen::Index>(bucket));
    double a_topic = 0;
    double b_topic = 0;
    for (std::size_t i = 0; i < TwoTopicCorpus::kWordsPerTopic; ++i) {
      const std::string number = std::to_string(i);
      a_topic += cosine_of(unseen, result.vectors.row(corpus.id(std::string("a") += number)));
      b_topic += cosine_of(unseen, result.vectors.row(corpus.id(std::string("b") += number)));
    }
    CAPTURE(a_topic);
    CAPTURE(b_topic);
    CHECK(a_topic > b_topic + 1.0);
  }
}

TEST_CASE("a subword model's word vectors are the means of their input rows") {
  // One epoch at a zero-ish rate leaves the table at its initial values, which the test can
  // rebuild: the same seed draws the same table.
  const TwoTopicCorpus corpus(20);
  TrainSettings settings = subword_settings(Architecture::skipgram);
  settings.learning_rate = 1e-9f;
  settings.epochs = 1;
  const TrainResult result = train_embeddings(corpus.vocabulary, corpus.corpus(),
                                              resolved(settings, corpus.vocabulary.word_count()));
  const WordSubwordRows subwords(corpus.vocabulary, {2, 3}, 4096);
  const auto input_dim = static_cast<Eigen::Index>(corpus.vocabulary.input_dim());
  for (WordId id = kFirstWordId; id < static_cast<WordId>(input_dim); ++id) {
    // The bucket rows are the table's below E; E's own rows are not returned, so the word's row
    // is recovered from its mean: count · mean − the n-grams' rows.
    const std::span<const InputRow> rows = subwords.rows(id);
    Eigen::RowVectorXf ngrams = Eigen::RowVectorXf::Zero(16);
    for (const InputRow row : rows.subspan(1)) ngrams += result.bucket_rows.row(row - input_dim);
    const Eigen::RowVectorXf own =
        result.vectors.row(id) * static_cast<float>(rows.size()) - ngrams;
    // The initial rows are uniform in ±1/dim: a recovered row outside that range would mean the
    // mean was not of these rows.
    CHECK(own.cwiseAbs().maxCoeff() <= 1.0f / 16 + 1e-5f);
  }
}

}  // namespace word_subword_rows_test
}  // namespace embedtool
