// predict's and lookup --sentence's streams: one output line (or array row) per input line, in
// the layouts fastText's users know.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "embedtool/classify/predict_lines.h"
#include "embedtool/classify/prediction_output.h"
#include "embedtool/classify/sentence_lines.h"
#include "embedtool/classify/test_lines.h"
#include "hand_built_classifier.h"
#include "support/temp_text_file.h"

using namespace embedtool;
using namespace embedtool::classify_test;
using embedtool::testing::TempTextFile;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

std::string predicted(const std::string& input, TopLabelsOptions options, PredictionFormat format,
                      PredictCounts& counts) {
  Classifier classifier(softmax_classifier(), "clf.emb");
  const TempTextFile folder("");
  std::istringstream in(input);
  LineReader lines(in, "in.txt");
  OutputFile output(folder.beside("out.txt"));
  predict_lines(classifier, lines, options, format, output, counts);
  output.commit();
  return read_file(folder.beside("out.txt"));
}

}  // namespace

TEST_CASE("predict: a line out per line in, an empty one when there is nothing to predict") {
  PredictCounts counts;
  CHECK(predicted("good\nnothing known\r\nbad movie\n__label__x movie", {1, 0},
                  PredictionFormat::labels, counts) ==
        "__label__pos\n\n__label__neg\n__label__neu\n");
  CHECK(counts.lines == 4);
  CHECK(counts.without_input == 1);
}

TEST_CASE("predict's formats") {
  PredictCounts counts;
  CHECK(predicted("good\n", {2, 0}, PredictionFormat::labels, counts) ==
        "__label__pos __label__neu\n");
  // fastText's predict-prob: six significant digits.
  CHECK(predicted("good\n", {2, 0}, PredictionFormat::probabilities, counts) ==
        "__label__pos 0.98169 __label__neu 0.0179803\n");
  CHECK(predicted("good\nzzz\n", {1, 0}, PredictionFormat::json, counts) ==
        "{\"predictions\":[{\"label\":\"__label__pos\",\"probability\":0.98169035}]}\n"
        "{\"predictions\":[]}\n");
}

TEST_CASE("append_predictions escapes label names in JSON") {
  LabelSet labels;
  labels.add("__label__\"q\"", 1);
  std::string out;
  const LabelScore score{0, 0.5f};
  append_predictions(out, PredictionFormat::json, labels, std::span(&score, 1));
  CHECK(out == "{\"predictions\":[{\"label\":\"__label__\\\"q\\\"\",\"probability\":0.5}]}\n");
}

TEST_CASE("sentence vectors in lookup's formats, a zero row for a line without known words") {
  const TempTextFile folder("");
  const auto run = [&](LookupStyle style, bool normalize) {
    EmbeddingModel model = word_model();
    SentenceVectors sentences(model, "words.emb");
    std::istringstream in("good movie\nnothing\nbad\n");
    LineReader lines(in, "in.txt");
    LookupOutput output(folder.beside("out"), style);
    SentenceRowsWriter writer(sentences, output, normalize);
    writer.write_lines(lines);
    writer.finish();
    CHECK(writer.lines() == 3);
    CHECK(writer.lines_without_input() == 1);
    return read_file(folder.beside("out"));
  };
  CHECK(run({}, false) == "0.5 0.5\n0 0\n-1 0\n");
  CHECK(run({OutputFormat::tsv, std::nullopt, true}, false) ==
        "v1\tv2\n0.5\t0.5\n0\t0\n-1\t0\n");
  CHECK(run({OutputFormat::json, 3, false}, true) ==
        "{\"vector\":[0.707,0.707]}\n{\"vector\":[0,0]}\n{\"vector\":[-1,0]}\n");
  SUBCASE("npy: an array of shape (lines, D)") {
    const std::string npy = run({OutputFormat::npy, std::nullopt, false}, false);
    CHECK(npy.starts_with("\x93NUMPY"));
    CHECK(npy.find("'shape': (3, 2)") != std::string::npos);
    CHECK(npy.size() % 64 == 3 * 2 * 4 % 64);
  }
}

TEST_CASE("test: every labelled line is an example; unlabelled lines are counted, not scored") {
  Classifier classifier(softmax_classifier(), "clf.emb");
  TestMetrics metrics(classifier.labels());
  std::istringstream in(
      "__label__pos good\n"
      "no label here\n"
      "__label__neg bad movie\n"        // h = (-0.5, 0.5): neg (tied with neu, neg first)
      "__label__pos __label__neu movie\n"
      "__label__new good\n"             // a label the model never saw
      "__label__neg zzz\n");            // nothing to predict from
  LineReader lines(in, "test.txt");
  test_lines(classifier, lines, {1, 0}, metrics);
  CHECK(metrics.examples() == 5);
  CHECK(metrics.unlabelled_lines() == 1);
  CHECK(metrics.examples_without_prediction() == 1);
  // Predicted: pos, neg, neu, pos; correct: pos, neg, neu. Gold: 1 + 1 + 2 + 1 + 1.
  CHECK(metrics.total().predicted == 4);
  CHECK(metrics.total().correct == 3);
  CHECK(metrics.total().gold == 6);
  CHECK(metrics.accuracy() == doctest::Approx(3.0 / 5));
  CHECK(metrics.label_name(3) == "__label__new");
  SUBCASE("with k = 2 the second label counts too") {
    TestMetrics two(classifier.labels());
    std::istringstream again("__label__pos __label__neu good movie\n");
    LineReader more(again, "test.txt");
    test_lines(classifier, more, {2, 0}, two);
    CHECK(two.total().correct == 2);
    CHECK(two.total().recall() == 1);
  }
}
