// Which rows a word map shows: named words (each once; every unknown one named in one error, as
// lookup words it) or the model's first words, scaled to unit length.
#include "embedtool/plot/map_rows.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embedtool/storage/model_vector_table.h"
#include "error_message.h"

using namespace embedtool;
using unit_test::error_of;

namespace map_rows_test {

// Rows: <pad>, <unk>, the (3, 4), cat (0, 2), dog (0, 0).
ModelVectorTable table() {
  EmbeddingModel model;
  for (const char* word : {"the", "cat", "dog"}) model.vocabulary.add(word, 1);
  model.vectors = Matrix(5, 2);
  model.vectors << 1, 1, 0, -2, 3, 4, 0, 2, 0, 0;
  return ModelVectorTable(std::move(model));
}

}  // namespace map_rows_test

using namespace map_rows_test;

TEST_CASE("named words in their order, each once, rows of unit length") {
  const ModelVectorTable vectors = table();
  const std::vector<std::string> words = {"cat", "the", "cat"};
  const MapRows map = rows_of_words(vectors, words, "model.emb");
  CHECK(map.words == std::vector<std::string>{"cat", "the"});
  REQUIRE(map.rows.rows() == 2);
  CHECK(map.rows(0, 0) == doctest::Approx(0));
  CHECK(map.rows(0, 1) == doctest::Approx(1));
  CHECK(map.rows(1, 0) == doctest::Approx(0.6));
  CHECK(map.rows(1, 1) == doctest::Approx(0.8));
}

TEST_CASE("a zero row stays zero") {
  const ModelVectorTable vectors = table();
  const std::vector<std::string> words = {"dog", "cat"};
  CHECK(rows_of_words(vectors, words, "model.emb").rows.row(0).isZero());
}

TEST_CASE("unknown words: lookup's message for one, all of them named for more") {
  const ModelVectorTable vectors = table();
  const std::vector<std::string> one = {"cat", "cow"};
  CHECK(error_of([&] { rows_of_words(vectors, one, "model.emb"); }) ==
        "unknown word \"cow\" (not in the vocabulary of model.emb)");
  const std::vector<std::string> cased = {"Cat", "the"};
  CHECK(error_of([&] { rows_of_words(vectors, cased, "model.emb"); }) ==
        "unknown word \"Cat\" (not in the vocabulary of model.emb); did you mean \"cat\"?");
  const std::vector<std::string> several = {"cow", "cat", "<pad>", "pig", "cow"};
  CHECK(error_of([&] { rows_of_words(vectors, several, "model.emb"); }) ==
        "3 unknown words: \"cow\", \"<pad>\", \"pig\" (not in the vocabulary of model.emb)");
}

TEST_CASE("the first words: rows 2 on, as many as there are") {
  const ModelVectorTable vectors = table();
  CHECK(first_rows(vectors, 2).words == std::vector<std::string>{"the", "cat"});
  CHECK(first_rows(vectors, 100).words == std::vector<std::string>{"the", "cat", "dog"});
  CHECK(first_rows(vectors, 100).rows.rows() == 3);
}
