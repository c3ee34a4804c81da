// --init: pretrained rows are copied by word, whatever the ids either side gives them.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "embedtool/errors.h"
#include "embedtool/pipeline/init_vectors.h"
#include "embedtool/pipeline/train_model.h"
#include "embedtool/storage/emb_format.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

// "cat" is row 2 here, "dog" row 3, "owl" row 4 (not in the training vocabulary).
EmbeddingModel pretrained() {
  EmbeddingModel model;
  model.vocabulary.add("cat", 9);
  model.vocabulary.add("dog", 5);
  model.vocabulary.add("owl", 1);
  model.vectors = Matrix::Zero(5, 2);
  model.vectors.row(2) << 1, 2;
  model.vectors.row(3) << 3, 4;
  model.vectors.row(4) << 5, 6;
  return model;
}

TEST_CASE("copy_rows_by_word matches words by spelling, not by id") {
  Vocabulary vocabulary;  // the other order: dog is 2, cat is 3, bee is 4 (not pretrained)
  vocabulary.add("dog", 7);
  vocabulary.add("cat", 6);
  vocabulary.add("bee", 1);
  Matrix input = Matrix::Constant(5, 2, -7.0f);
  CHECK(copy_rows_by_word(pretrained(), "pre.emb", vocabulary, input) == 2);
  CHECK(input(2, 0) == 3.0f);  // dog
  CHECK(input(2, 1) == 4.0f);
  CHECK(input(3, 0) == 1.0f);  // cat
  CHECK(input(3, 1) == 2.0f);
  CHECK(input(4, 0) == -7.0f);  // bee: left as it was
  CHECK(input(0, 0) == -7.0f);  // reserved rows are not touched
}

TEST_CASE("copy_rows_by_word refuses another vector size and non-finite vectors") {
  Vocabulary vocabulary;
  vocabulary.add("cat", 1);
  Matrix input = Matrix::Zero(3, 3);
  CHECK_THROWS_WITH_AS(copy_rows_by_word(pretrained(), "pre.emb", vocabulary, input),
                       doctest::Contains("2-dimensional"), Error);
  EmbeddingModel bad = pretrained();
  bad.vectors(2, 1) = std::numeric_limits<float>::infinity();
  Matrix two = Matrix::Zero(3, 2);
  CHECK_THROWS_WITH_AS(copy_rows_by_word(bad, "pre.emb", vocabulary, two),
                       doctest::Contains("not finite"), Error);
}

TEST_CASE("train_model --init: known words start from their vectors, --output-dim from the file") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "the cat and the dog\nthe bee\n";
  const TempTextFile corpus(text);
  const std::string init_path = corpus.beside("pre.emb");
  save_model(pretrained(), init_path);

  TrainJob job;
  job.corpus_path = corpus.path();
  job.settings.epochs = 1;
  job.settings.threads = 1;
  job.settings.learning_rate = 1e-7f;  // rows barely move from where they start
  job.init_path = init_path;
  std::string info;
  const EmbeddingModel model =
      train_model(job, {}, [&](const std::string& message) { info += message + "\n"; });
  REQUIRE(model.vectors.cols() == 2);
  const WordId cat = *model.vocabulary.id_of("cat");
  const WordId dog = *model.vocabulary.id_of("dog");
  CHECK(std::abs(model.vectors(cat, 0) - 1.0f) < 1e-3f);
  CHECK(std::abs(model.vectors(cat, 1) - 2.0f) < 1e-3f);
  CHECK(std::abs(model.vectors(dog, 0) - 3.0f) < 1e-3f);
  const WordId bee = *model.vocabulary.id_of("bee");
  CHECK(std::abs(model.vectors(bee, 0)) < 0.5f);  // random: within ±0.5/D
  CHECK(info.find("--init: 2 of 5 words start from") != std::string::npos);
  CHECK(model.metadata.at("init") == init_path);

  job.settings.output_dim = 3;
  CHECK_THROWS_WITH_AS(train_model(job), doctest::Contains("--output-dim is 3"), UsageError);
}

}  // namespace
}  // namespace embedtool
