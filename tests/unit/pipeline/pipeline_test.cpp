#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/pipeline/corpus_count.h"
#include "embedtool/text/input_file.h"
#include "embedtool/pipeline/text_file_corpus.h"
#include "embedtool/pipeline/train_model.h"
#include "support/temp_text_file.h"

using namespace embedtool;

using testing::TempTextFile;

TEST_CASE("count_corpus counts every file's words and lines") {
  const TempTextFile first("The cat, the dog.\n\nthe END\n");
  const TempTextFile second("cat\n");
  const CorpusCount counted = count_corpus({first.path(), second.path()}, Tokenizer());
  CHECK(counted.lines == 4);
  CHECK(counted.counter.tokens_seen() == 7);
  const Vocabulary vocabulary = counted.counter.build({});
  REQUIRE(vocabulary.word_count() == 4);
  CHECK(vocabulary.word(2) == "the");
  CHECK(vocabulary.count(2) == 3);
  CHECK(vocabulary.word(3) == "cat");
  CHECK(vocabulary.word(5) == "end");
}

TEST_CASE("input files that cannot be read are errors naming them") {
  CHECK_THROWS_WITH_AS(InputFile("/no/such/file.txt"),
                       doctest::Contains("cannot open /no/such/file.txt"), Error);
  CHECK_THROWS_WITH_AS(InputFile("/"), doctest::Contains("is a directory"), Error);
}

TEST_CASE("TextFileCorpus streams sentences as ids and replays them after rewind") {
  const TempTextFile file("the cat\nthe zebra\n");
  const Tokenizer tokenizer;
  Vocabulary vocabulary;
  vocabulary.add("the", 2);
  vocabulary.add("cat", 1);
  TextFileCorpus corpus(file.path(), tokenizer, vocabulary);
  Sequence ids;
  for (int pass = 0; pass < 2; ++pass) {
    REQUIRE(corpus.next(ids));
    CHECK(ids == Sequence{2, 3});
    REQUIRE(corpus.next(ids));
    CHECK(ids == Sequence{2, kUnknownId});
    CHECK_FALSE(corpus.next(ids));
    corpus.rewind();
  }
}

TEST_CASE("train_model returns E with the vocabulary's rows and records its settings") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "the cat sat on the mat\nthe dog sat on the log\n";
  const TempTextFile file(text);
  TrainJob job;
  job.corpus_path = file.path();
  job.settings.output_dim = 8;
  job.settings.epochs = 2;
  std::string info;
  const EmbeddingModel model =
      train_model(job, {}, [&info](const std::string& message) { info += message; });
  CHECK(model.vocabulary.word_count() == 7);
  CHECK(model.vectors.rows() == 9);
  CHECK(model.vectors.cols() == 8);
  CHECK(model.metadata.at("output_dim") == 8);
  CHECK(model.metadata.at("epochs") == 2);
  CHECK(model.metadata.at("corpus_words_per_epoch") == 600);
  CHECK(model.metadata.at("tokenizer").at("lowercase") == true);
  CHECK(info.find("7 distinct") != std::string::npos);
}

TEST_CASE("train_model refuses a vocabulary that keeps no word") {
  const TempTextFile file("one two three\n");
  TrainJob job;
  job.corpus_path = file.path();
  job.vocabulary.min_count = 2;
  CHECK_THROWS_WITH_AS(train_model(job), doctest::Contains("--min-count"), Error);
}
