// A hand-built classifier (hand_built_classifier.h) must predict what was worked out on paper,
// with each head, and refuse models that cannot classify with one line saying why.
#include "embedtool/classify/classifier.h"

#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

#include "error_message.h"
#include "hand_built_classifier.h"
#include "embedtool/training/huffman_tree.h"

using namespace embedtool;
using namespace embedtool::classify_test;
using embedtool::unit_test::error_of;

namespace {

struct Answer {
  bool has_input = false;
  std::vector<std::string> labels;
  std::vector<float> probabilities;
  std::vector<std::string> gold;
};

Answer predict(Classifier& classifier, std::string_view line, TopLabelsOptions options = {}) {
  std::vector<std::string_view> gold;
  std::vector<LabelScore> scores;
  Answer answer;
  answer.has_input = classifier.predict_line(line, {}, options, gold, scores);
  for (const LabelScore& score : scores) {
    answer.labels.push_back(classifier.labels().name(score.label));
    answer.probabilities.push_back(score.probability);
  }
  answer.gold.assign(gold.begin(), gold.end());
  return answer;
}

std::vector<std::string> names(std::initializer_list<const char*> list) {
  return {list.begin(), list.end()};
}

}  // namespace

TEST_CASE("a softmax classifier's best label, and its probability") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  CHECK(classifier.head_kind() == "softmax");
  CHECK(classifier.predicts_distribution());
  Answer good = predict(classifier, "good");
  CHECK(good.has_input);
  CHECK(good.labels == names({"__label__pos"}));
  CHECK(good.probabilities[0] == doctest::Approx(softmax_of({4, -4, 0}, 0)).epsilon(1e-6));
  CHECK(predict(classifier, "bad").labels == names({"__label__neg"}));
  CHECK(predict(classifier, "movie").labels == names({"__label__neu"}));
  SUBCASE("the text is tokenized as the model's corpus was: lowercased, punctuation dropped") {
    CHECK(predict(classifier, "GOOD!!!").labels == names({"__label__pos"}));
  }
}

TEST_CASE("top k, every label with k = -1, and ties in class order") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  CHECK(predict(classifier, "good", {2, 0}).labels == names({"__label__pos", "__label__neu"}));
  const Answer all = predict(classifier, "good", {kAllLabels, 0});
  CHECK(all.labels == names({"__label__pos", "__label__neu", "__label__neg"}));
  CHECK(std::accumulate(all.probabilities.begin(), all.probabilities.end(), 0.0) ==
        doctest::Approx(1.0).epsilon(1e-6));
  CHECK(std::is_sorted(all.probabilities.rbegin(), all.probabilities.rend()));
  SUBCASE("k larger than the label count gives every label") {
    CHECK(predict(classifier, "good", {10, 0}).labels.size() == 3);
  }
  SUBCASE("h = (0.5, 0.5) scores pos and neu 2 each: pos, the more frequent label, comes first") {
    CHECK(predict(classifier, "good movie", {2, 0}).labels ==
          names({"__label__pos", "__label__neu"}));
  }
}

TEST_CASE("a threshold keeps only the labels at least that probable") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  const double p_neu = softmax_of({4, -4, 0}, 2);  // ≈ 0.018
  CHECK(predict(classifier, "good", {kAllLabels, 0.5}).labels == names({"__label__pos"}));
  CHECK(predict(classifier, "good", {kAllLabels, p_neu / 2}).labels ==
        names({"__label__pos", "__label__neu"}));
  SUBCASE("nothing above the threshold: no label, though the line had words") {
    const Answer none = predict(classifier, "good movie", {1, 0.9});
    CHECK(none.has_input);
    CHECK(none.labels.empty());
  }
  SUBCASE("a probability equal to the threshold passes") {
    const Answer best = predict(classifier, "good");
    CHECK(predict(classifier, "good", {1, best.probabilities[0]}).labels.size() == 1);
  }
}

TEST_CASE("labels in the line are split off, not read as words, and returned") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  const Answer answer = predict(classifier, "__label__neg good __label__x");
  CHECK(answer.labels == names({"__label__pos"}));
  CHECK(answer.gold == names({"__label__neg", "__label__x"}));
  SUBCASE("a model stored with another prefix splits that one") {
    EmbeddingModel model = softmax_classifier();
    model.metadata["label_prefix"] = "#";
    Classifier hashes(std::move(model), "clf.emb");
    CHECK(predict(hashes, "#neg good").gold == names({"#neg"}));
  }
  SUBCASE("the default prefix when the metadata has none") {
    EmbeddingModel model = softmax_classifier();
    model.metadata.erase("label_prefix");
    Classifier plain(std::move(model), "clf.emb");
    CHECK(predict(plain, "__label__a bad").gold == names({"__label__a"}));
  }
}

TEST_CASE("a line without any word the model knows has nothing to predict from") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  for (const char* line : {"", "   ", "unknown words only", "__label__pos"}) {
    CAPTURE(line);
    const Answer answer = predict(classifier, line);
    CHECK_FALSE(answer.has_input);
    CHECK(answer.labels.empty());
  }
}

TEST_CASE("hierarchical softmax: the Huffman tree of the label counts, as in training") {
  EmbeddingModel model = softmax_classifier();
  // The tree training built from these counts; W steers h = (1, 0) down the path of pos: at
  // each of its nodes towards pos's branch (branch 0 is taken with probability σ(w·h)).
  const HuffmanTree tree(model.labels.counts());
  Matrix w = Matrix::Zero(static_cast<Eigen::Index>(tree.inner_nodes()), 2);
  const std::size_t pos = 0;
  for (std::size_t i = 0; i < tree.path(pos).size(); ++i)
    w(tree.path(pos)[i], 0) = tree.code(pos)[i] == 0 ? 5.0f : -5.0f;
  model.head = HeadWeights{"hs", w};
  Classifier classifier(std::move(model), "clf.emb");
  CHECK(classifier.predicts_distribution());
  const Answer good = predict(classifier, "good", {kAllLabels, 0});
  CHECK(good.labels.front() == "__label__pos");
  const double sigma5 = 1 / (1 + std::exp(-5.0));
  CHECK(good.probabilities.front() ==
        doctest::Approx(std::pow(sigma5, tree.path(pos).size())).epsilon(1e-5));
  CHECK(std::accumulate(good.probabilities.begin(), good.probabilities.end(), 0.0) ==
        doctest::Approx(1.0).epsilon(1e-5));
  CHECK(predict(classifier, "bad").labels != names({"__label__pos"}));
}

TEST_CASE("negative sampling: one independent probability per label") {
  EmbeddingModel model = softmax_classifier();
  model.head->kind = "ns";  // W has a row per class, as softmax's
  Classifier classifier(std::move(model), "clf.emb");
  CHECK_FALSE(classifier.predicts_distribution());
  const Answer good = predict(classifier, "good", {kAllLabels, 0});
  CHECK(good.labels == names({"__label__pos", "__label__neu", "__label__neg"}));
  // σ(4), σ(0), σ(−4): they need not sum to 1.
  CHECK(good.probabilities[0] == doctest::Approx(1 / (1 + std::exp(-4.0))).epsilon(1e-5));
  CHECK(good.probabilities[1] == doctest::Approx(0.5).epsilon(1e-5));
}

TEST_CASE("word n-grams: a line's n-gram rows are read from the bucket rows below E") {
  EmbeddingModel model = softmax_classifier();
  const std::uint64_t buckets = 16;
  model.metadata["word_ngrams"] = 2;
  model.metadata["buckets"] = buckets;
  // Which bucket "bad movie" (ids 3, 4) hashes to is training's definition.
  const LineInputShape shape{5, 2, buckets};
  std::vector<InputRow> rows;
  const std::vector<WordId> ids = {3, 4};
  append_line_input_rows(ids, shape, rows);
  REQUIRE(rows.size() == 3);
  const InputRow bigram = rows[2];
  REQUIRE(bigram >= 5);
  std::vector<InputRow> reversed;
  const std::vector<WordId> reversed_ids = {4, 3};
  append_line_input_rows(reversed_ids, shape, reversed);
  REQUIRE(reversed[2] != bigram);  // "movie bad" is another n-gram, in another bucket
  // Alone, "bad movie" is h = (−0.5, 0.5): neg and neu tie at 2, neg first. Its bigram's row
  // pulls h to ((−1 + 0 + 30) / 3, 1 / 3): pos.
  model.buckets = BucketRows{"word-ngrams", Matrix::Zero(static_cast<Eigen::Index>(buckets), 2)};
  model.buckets->rows(bigram - 5, 0) = 30;
  Classifier classifier(std::move(model), "clf.emb");
  CHECK(predict(classifier, "bad movie").labels == names({"__label__pos"}));
  CHECK(std::vector<InputRow>(classifier.sentences().last_rows().begin(),
                              classifier.sentences().last_rows().end()) == rows);
  CHECK(predict(classifier, "movie bad").labels != names({"__label__pos"}));
}

TEST_CASE("models that cannot classify are refused with one line saying why") {
  CHECK(error_of([] { Classifier c(word_model(), "words.emb"); }) ==
        "words.emb is not a classifier (it has no labels); train one with `embedtool train "
        "--supervised`");
  SUBCASE("no head") {
    EmbeddingModel model = softmax_classifier();
    model.head.reset();
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); })
              .starts_with("clf.emb has labels but no head weights"));
  }
  SUBCASE("a head this embedtool does not know") {
    EmbeddingModel model = softmax_classifier();
    model.head->kind = "future";
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); })
              .starts_with("clf.emb has a head of kind \"future\", which this embedtool cannot "
                           "use (it knows softmax, ns, hs"));
  }
  SUBCASE("a head whose rows do not fit the labels") {
    EmbeddingModel model = softmax_classifier();
    model.head->weights = Matrix::Zero(2, 2);
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); }) ==
          "clf.emb: its softmax head has 2 x 2 weights, but 3 labels and 2-dimensional vectors "
          "need 3 x 2");
  }
  SUBCASE("a head of another width than E") {
    EmbeddingModel model = softmax_classifier();
    model.head->weights = Matrix::Zero(3, 5);
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); }).find("need 3 x 2") !=
          std::string::npos);
  }
  SUBCASE("word n-grams without their bucket rows") {
    EmbeddingModel model = softmax_classifier();
    model.metadata["word_ngrams"] = 2;
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); }) ==
          "clf.emb was trained with word n-grams (word_ngrams 2) but holds no bucket rows for "
          "them");
  }
  SUBCASE("bucket rows that are not the metadata's count, or of an unknown kind") {
    EmbeddingModel model = softmax_classifier();
    model.metadata["word_ngrams"] = 2;
    model.metadata["buckets"] = std::uint64_t{8};
    model.buckets = BucketRows{"word-ngrams", Matrix::Zero(4, 2)};
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); }) ==
          "clf.emb was trained with 8 n-gram buckets, but it holds 4 bucket rows");
    EmbeddingModel other = softmax_classifier();
    other.buckets = BucketRows{"syllables", Matrix::Zero(4, 2)};
    CHECK(error_of([&] { Classifier c(std::move(other), "clf.emb"); })
              .starts_with("clf.emb has bucket rows of kind \"syllables\""));
  }
  SUBCASE("a label prefix that is not a string") {
    EmbeddingModel model = softmax_classifier();
    model.metadata["label_prefix"] = 3;
    CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); })
              .find("\"label_prefix\" is not a string") != std::string::npos);
  }
}

TEST_CASE("character n-grams: a word's rows are its own and its n-grams', seen or not") {
  // "good"'s own input row stays (1, 0); each of its n-grams' rows is (2, 0), every other bucket
  // row zero. The model stores good's whole vector, the mean of those rows (model.h).
  EmbeddingModel model = softmax_classifier();
  const std::uint64_t buckets = 4096;
  const CharNgramRange range{2, 3};
  model.metadata["minn"] = 2u;  // unsigned, as read from a file
  model.metadata["maxn"] = 3u;
  model.metadata["buckets"] = buckets;
  model.buckets = BucketRows{"char-ngrams", Matrix::Zero(static_cast<Eigen::Index>(buckets), 2)};
  const std::vector<std::uint64_t> good = char_ngram_buckets("good", range, buckets);
  for (const std::uint64_t bucket : good)
    model.buckets->rows(static_cast<Eigen::Index>(bucket), 0) = 2;
  const auto k = static_cast<float>(good.size());
  model.vectors(2, 0) = (1 + 2 * k) / (1 + k);
  Classifier classifier(std::move(model), "clf.emb");
  SentenceVectors& sentences = classifier.sentences();
  std::vector<std::string_view> labels;
  std::vector<float> h(2);

  // A known word: its own row, recovered from the stored mean, then its n-grams' rows; h is
  // their mean, which is the stored vector again.
  REQUIRE(sentences.encode("good", {}, labels, h));
  std::vector<InputRow> expected = {2};
  for (const std::uint64_t bucket : good) expected.push_back(5 + static_cast<InputRow>(bucket));
  CHECK(std::vector<InputRow>(sentences.last_rows().begin(), sentences.last_rows().end()) ==
        expected);
  CHECK(h[0] == doctest::Approx((1 + 2 * k) / (1 + k)).epsilon(1e-6));

  // "goood" is not in the vocabulary: its n-grams alone, some of them good's ("<g", "go", "<go",
  // "goo", "od", "d>", "od>"), so it reads as positive. Without subwords it would have no row.
  expected.clear();
  for (const std::uint64_t bucket : char_ngram_buckets("goood", range, buckets))
    expected.push_back(5 + static_cast<InputRow>(bucket));
  REQUIRE(sentences.encode("goood", {}, labels, h));
  CHECK(std::vector<InputRow>(sentences.last_rows().begin(), sentences.last_rows().end()) ==
        expected);
  CHECK(h[0] > 0);
  CHECK(predict(classifier, "goood").labels == names({"__label__pos"}));
}

TEST_CASE("character n-gram rows of a classifier need the metadata that addresses them") {
  EmbeddingModel model = softmax_classifier();
  model.buckets = BucketRows{"char-ngrams", Matrix::Zero(8, 2)};
  CHECK(error_of([&] { Classifier c(std::move(model), "clf.emb"); }) ==
        "clf.emb has character n-gram rows but no \"minn\" in its metadata, so they cannot be "
        "addressed");
}
