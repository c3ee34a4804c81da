// `pad --vocab FILE`: a vocab file or a model, told apart by the model's magic bytes.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/model.h"
#include "embedtool/pipeline/pad_vocabulary_file.h"
#include "embedtool/pipeline/settings_json.h"
#include "embedtool/storage/emb_format.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

TEST_CASE("pad vocabulary file: a vocab file gives its words in id order, and no tokenizer") {
  const TempTextFile file("the\t9\ncat\t4\n");
  const PadVocabulary read = read_pad_vocabulary(file.path());
  CHECK(read.vocabulary.word_count() == 2);
  CHECK(read.vocabulary.id_or_unknown("the") == 2);
  CHECK(read.vocabulary.id_or_unknown("cat") == 3);
  CHECK(read.vocabulary.count(3) == 4);
  CHECK(!read.tokenizer);
}

TEST_CASE("pad vocabulary file: a model, whatever its name, gives its rows and its tokenizer") {
  const TempTextFile folder("");
  EmbeddingModel model;
  model.vocabulary.add("dog", 7);
  model.vocabulary.add("café", 2);
  model.vectors = Matrix::Zero(static_cast<Eigen::Index>(model.vocabulary.input_dim()), 3);
  TokenizerOptions tokenizer;
  tokenizer.lowercase = false;
  tokenizer.filters = "#";
  model.metadata["tokenizer"] = tokenizer_to_json(tokenizer);
  const std::string path = folder.beside("model.txt");  // not named .emb
  save_model(model, path);

  const PadVocabulary read = read_pad_vocabulary(path);
  CHECK(read.vocabulary.word_count() == 2);
  CHECK(read.vocabulary.id_or_unknown("dog") == 2);
  CHECK(read.vocabulary.id_or_unknown("café") == 3);
  CHECK(read.vocabulary.count(2) == 7);
  REQUIRE(read.tokenizer);
  CHECK(!read.tokenizer->lowercase);
  CHECK(read.tokenizer->filters == "#");

  // A model without tokenizer settings (not trained by embedtool) has none to give.
  model.metadata = nlohmann::json::object();
  save_model(model, path);
  CHECK(!read_pad_vocabulary(path).tokenizer);
}

TEST_CASE("pad vocabulary file: a missing file is an error naming it") {
  const TempTextFile folder("");
  const std::string missing = folder.beside("missing.tsv");
  CHECK_THROWS_WITH_AS(read_pad_vocabulary(missing), doctest::Contains(missing.c_str()), Error);
}

}  // namespace
}  // namespace embedtool
