// Training on the shipped demo corpus (data/corpus.txt, see data/README.md), with ids built the
// way the tool builds them: the real tokenizer, word counter and text encoder.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "cosine.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/trainer.h"
#include "embedtool/vocabulary/word_counter.h"
#include "resolved_settings.h"

namespace embedtool {
namespace {

using testing::cosine;

struct DemoCorpus {
  Vocabulary vocabulary;
  std::vector<Sequence> sentences;
};

DemoCorpus read_demo_corpus() {
  const std::string path = EMBEDTOOL_DATA_DIR "/corpus.txt";
  std::ifstream file(path);
  REQUIRE_MESSAGE(file, "cannot open " << path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);

  const Tokenizer tokenizer;
  WordCounter counter;
  for (const std::string& line : lines)
    tokenizer.for_each_token(line, {}, [&](std::string_view word) { counter.add(word); });
  DemoCorpus corpus{counter.build({}), {}};
  const TextEncoder encoder(tokenizer, corpus.vocabulary);
  for (const std::string& line : lines) corpus.sentences.push_back(encoder.encode(line));
  return corpus;
}

// Trained once, shared by the test cases below: the run is the slow part.
struct TrainedDemo {
  DemoCorpus corpus = read_demo_corpus();
  TrainResult result;
  TrainedDemo() {
    // The reference setup: skip-gram through the exact softmax, every word kept.
    TrainSettings settings;
    settings.output_dim = 32;
    settings.window = 5;
    settings.epochs = 3;
    settings.learning_rate = 0.025f;
    settings.seed = 1;
    settings.loss = "softmax";
    settings.sample = 0;
    result = train_embeddings(corpus.vocabulary, InMemoryCorpus(corpus.sentences), resolved(settings, corpus.vocabulary.word_count()));
  }
  WordId id(std::string_view word) const {
    const auto found = corpus.vocabulary.id_of(word);
    REQUIRE_MESSAGE(found, "the demo corpus should contain \"" << word << "\"");
    return *found;
  }
};

const TrainedDemo& trained_demo() {
  static const TrainedDemo demo;
  return demo;
}

TEST_CASE("demo corpus: the loss falls below uniform prediction and keeps falling") {
  const TrainedDemo& demo = trained_demo();
  const auto& losses = demo.result.epoch_average_losses;
  const double uniform = std::log(static_cast<double>(demo.corpus.vocabulary.word_count()));
  CAPTURE(uniform);
  REQUIRE(losses.size() == 3);
  CAPTURE(losses.front());
  CAPTURE(losses.back());
  CHECK(losses.back() < losses.front() - 0.1);
  CHECK(losses.back() < uniform - 1.0);
  CHECK(demo.result.corpus_words == 177384);
}

TEST_CASE("demo corpus: a pet is nearer another pet than a farm animal, and both than food") {
  // data/README.md: pets and farm animals share five templates and have three of their own;
  // foods share no context word with animals.
  const TrainedDemo& demo = trained_demo();
  const Matrix& vectors = demo.result.vectors;
  CHECK(demo.result.loss == "softmax");
  const double cat_dog = cosine(vectors, demo.id("cat"), demo.id("dog"));
  const double cat_cow = cosine(vectors, demo.id("cat"), demo.id("cow"));
  const double cat_bread = cosine(vectors, demo.id("cat"), demo.id("bread"));
  CAPTURE(cat_dog);
  CAPTURE(cat_cow);
  CAPTURE(cat_bread);
  CHECK(cat_dog > cat_bread + 0.2);
  CHECK(cat_cow > cat_bread);
  CHECK(cat_dog > cat_cow);
}

TEST_CASE("demo corpus: every architecture with every head puts cat nearer to dog than to bread") {
  const TrainedDemo& demo = trained_demo();  // for the corpus
  for (const Architecture architecture : {Architecture::skipgram, Architecture::cbow}) {
    for (const std::string loss :
         {"softmax", "ns", "hs"}) {
      CAPTURE(name_of(architecture));
      CAPTURE(loss);
      TrainSettings settings;
      settings.architecture = architecture;
      settings.loss = loss;
      settings.output_dim = 24;
      settings.epochs = 2;
      settings.threads = 2;  // the multithreaded path too; its neighbours must make sense
      const TrainResult result =
          train_embeddings(demo.corpus.vocabulary, InMemoryCorpus(demo.corpus.sentences), resolved(settings, demo.corpus.vocabulary.word_count()));
      CHECK(result.loss == loss);
      CHECK(result.vectors.allFinite());
      const double cat_dog = cosine(result.vectors, demo.id("cat"), demo.id("dog"));
      const double cat_bread = cosine(result.vectors, demo.id("cat"), demo.id("bread"));
      CAPTURE(cat_dog);
      CAPTURE(cat_bread);
      CHECK(cat_dog > cat_bread + 0.2);
      CHECK(result.epoch_average_losses.back() < result.epoch_average_losses.front());
    }
  }
}

}  // namespace
}  // namespace embedtool
