// A line's vector is the mean of its input rows, for word models and classifiers alike: the h
// that a training step forms and that predict scores.
#include "embedtool/classify/sentence_vectors.h"

#include <doctest/doctest.h>

#include <vector>

#include "hand_built_classifier.h"

using namespace embedtool;
using namespace embedtool::classify_test;

namespace {

struct Encoded {
  bool has_vector;
  std::vector<float> h;
  std::vector<std::string> labels;
};

Encoded encode(SentenceVectors& sentences, std::string_view line) {
  Encoded result{false, std::vector<float>(sentences.dims(), -7.0f), {}};
  std::vector<std::string_view> labels;
  result.has_vector = sentences.encode(line, {}, labels, result.h);
  result.labels.assign(labels.begin(), labels.end());
  return result;
}

}  // namespace

TEST_CASE("a word model's sentence vector is the mean of its known words' rows") {
  EmbeddingModel model = word_model();
  SentenceVectors sentences(model, "words.emb");
  CHECK(sentences.dims() == 2);
  CHECK(encode(sentences, "good").h == std::vector<float>{1, 0});
  CHECK(encode(sentences, "good movie").h == std::vector<float>{0.5f, 0.5f});
  // Unknown words have no row; repeated words count each time.
  CHECK(encode(sentences, "good nonsense good movie").h ==
        std::vector<float>{2.0f / 3, 1.0f / 3});
  SUBCASE("a word model has no labels: a label-like token is text (its letters are a word)") {
    const Encoded e = encode(sentences, "__label__good");
    CHECK(e.labels.empty());
    CHECK(e.h == std::vector<float>{1, 0});  // the filters cut "__label__good" into label, good
  }
  SUBCASE("no known word: no vector, and h is left alone") {
    const Encoded e = encode(sentences, "nothing known here");
    CHECK_FALSE(e.has_vector);
    CHECK(e.h == std::vector<float>{-7, -7});
  }
}

TEST_CASE("E is taken out of the model, not copied; the vocabulary and labels stay") {
  EmbeddingModel model = softmax_classifier();
  SentenceVectors sentences(model, "clf.emb");
  CHECK(model.vectors.size() == 0);
  CHECK(model.vocabulary.word_count() == 3);
  CHECK(model.labels.size() == 3);
  SUBCASE("a classifier's labels are split off its lines") {
    const Encoded e = encode(sentences, "__label__pos good");
    CHECK(e.labels == std::vector<std::string>{"__label__pos"});
    CHECK(e.h == std::vector<float>{1, 0});
  }
}

TEST_CASE("the model's tokenizer settings are the ones a line is split with") {
  EmbeddingModel model = word_model();
  TokenizerOptions keep_case;
  keep_case.lowercase = false;
  model.metadata["tokenizer"] = tokenizer_to_json(keep_case);
  SentenceVectors sentences(model, "words.emb");
  CHECK_FALSE(encode(sentences, "GOOD").has_vector);
  CHECK(encode(sentences, "good").has_vector);
  SUBCASE("a model without tokenizer settings (another format) gets Keras' defaults") {
    EmbeddingModel plain = word_model();
    plain.metadata = nlohmann::json::object();
    SentenceVectors defaults(plain, "words.vec");
    CHECK(encode(defaults, "GOOD, movie.").h == std::vector<float>{0.5f, 0.5f});
  }
}

TEST_CASE("invalid UTF-8 is an error, as the model's tokenizer settings say") {
  EmbeddingModel model = word_model();
  SentenceVectors sentences(model, "words.emb");
  std::vector<std::string_view> labels;
  std::vector<float> h(2);
  CHECK_THROWS_AS(sentences.encode("good \xff", {"in.txt", 3, 40}, labels, h), Error);
}
