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

TEST_CASE("toy-model.bin is a fastText model, not word2vec binary: said so") {
  const std::string path = fixture("toy-model.bin");
  if (path.empty()) return;
  check_message(error_of([&] { load_vectors(path); }), {"is a fastText model (.bin)"});
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
