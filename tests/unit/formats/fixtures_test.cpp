// The vector files of ../shared/data/formats/, written by gensim and fastText. They are not part
// of the repository: each check is skipped, saying so, when its file is missing.
#include <doctest/doctest.h>

#include <filesystem>

#include "embedtool/formats/load_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

// The fixture's path, or "" after printing why the check is skipped.
std::string fixture(const char* name) {
  const std::filesystem::path path = std::filesystem::path(EMBEDTOOL_SHARED_DATA_DIR) / "formats" / name;
  if (std::filesystem::exists(path)) return path.string();
  MESSAGE("skipped: " << path.string() << " is not there (../shared/data is optional)");
  return "";
}

}  // namespace

TEST_CASE("gensim's toy-model.vec (word2vec text)") {
  const std::string path = fixture("toy-model.vec");
  if (path.empty()) return;
  const EmbeddingModel model = load_vectors(path);
  CHECK(model.vocabulary.word_count() == 22);
  CHECK(model.vectors.cols() == 5);
  CHECK(model.vocabulary.word(2) == "the");
  CHECK(model.vectors(2, 0) == 0.068811f);
  CHECK(model.vectors(2, 4) == -0.00044401f);
}

TEST_CASE("toy-model.bin (fastText) gives the vectors of toy-model.vec, which fastText exported from it") {
  const std::string path = fixture("toy-model.bin");
  if (path.empty()) return;
  const EmbeddingModel model = load_vectors(path);
  const EmbeddingModel exported = load_vectors(fixture("toy-model.vec"));
  REQUIRE(model.vocabulary.word_count() == 22);
  CHECK(model.metadata["converted_from"]["format"] == "fasttext");
  // The .vec file holds 5 significant digits.
  for (Eigen::Index row = kFirstWordId; row < model.vectors.rows(); ++row) {
    CHECK(model.vocabulary.word(row) == exported.vocabulary.word(row));
    for (Eigen::Index col = 0; col < model.vectors.cols(); ++col) {
      CHECK(std::abs(model.vectors(row, col) - exported.vectors(row, col)) <=
            1e-5f * std::max(1.0f, std::abs(exported.vectors(row, col))));
    }
  }
  LoadOptions as_word2vec;
  as_word2vec.format = VectorFormat::word2vec_binary;
  CHECK_THROWS_AS(load_vectors(path, as_word2vec), Error);
}

TEST_CASE("lee_fasttext.bin, fastText's layout before the magic number, is refused by name") {
  const std::string path = fixture("lee_fasttext.bin");
  if (path.empty()) return;
  check_message(error_of([&] { load_vectors(path); }), {"layout of fastText before 0.2"});
  const std::string newer = fixture("lee_fasttext_new.bin");
  CHECK(load_vectors(newer).vocabulary.word_count() == 1763);  // version 11: read
}

TEST_CASE("test_glove.txt (GloVe, no header, non-ASCII words)") {
  const std::string path = fixture("test_glove.txt");
  if (path.empty()) return;
  const EmbeddingModel model = load_vectors(path);
  CHECK(model.metadata["converted_from"]["format"] == "glove");
  CHECK(model.vocabulary.word_count() == 76);
  CHECK(model.vectors.cols() == 50);
  CHECK(model.vocabulary.word(2) == "the");
  CHECK(model.vectors(2, 0) == 0.418f);
  CHECK(model.vocabulary.id_of("ö") == 3);
}

TEST_CASE("crime-and-punishment.vec (fastText .vec: a space ends every row)") {
  const std::string path = fixture("crime-and-punishment.vec");
  if (path.empty()) return;
  const EmbeddingModel model = load_vectors(path);
  CHECK(model.vocabulary.word_count() == 291);
  CHECK(model.vectors.cols() == 5);
  CHECK(model.vocabulary.word(2) == "и");
  CHECK(model.vectors(2, 0) == -0.11189f);
  LoadOptions first_ten;
  first_ten.limit = 10;
  CHECK(load_vectors(path, first_ten).vocabulary.word_count() == 10);
}
