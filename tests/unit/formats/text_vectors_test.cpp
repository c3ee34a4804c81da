// word2vec text and GloVe files as other tools write them, and broken ones.
#include <doctest/doctest.h>

#include "embedtool/formats/text_vectors.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

EmbeddingModel read_word2vec(std::string_view text, ForeignReadOptions options = {}) {
  return read_text_vectors(bytes_of(text), "v.vec", TextHeader::word2vec, options);
}

EmbeddingModel read_glove(std::string_view text, ForeignReadOptions options = {}) {
  return read_text_vectors(bytes_of(text), "g.txt", TextHeader::none, options);
}

void check_word2vec_rejects(std::string_view text, std::initializer_list<std::string_view> parts) {
  check_message(error_of([&] { read_word2vec(text); }), parts);
}

}  // namespace

TEST_CASE("the variants writers produce read the same") {
  const std::vector<std::string> variants = {
      "2 3\nthe 0.5 -1 2e-3\ncat 1 2 3\n",                // plain (gensim)
      "2 3\nthe 0.5 -1 2e-3 \ncat 1 2 3 \n",              // a space after each row (fastText)
      "2 3\r\nthe 0.5 -1 2e-3\r\ncat 1 2 3\r\n",          // CRLF
      "\xEF\xBB\xBF" "2 3\nthe 0.5 -1 2e-3\ncat 1 2 3",   // BOM, no final line end
      "2  3 \nthe  0.5   -1 +2e-3\ncat 1.0 2.0 3.0\n\n\n",  // extra spaces, blank lines at the end
  };
  for (const std::string& text : variants) {
    CAPTURE(text);
    const EmbeddingModel model = read_word2vec(text);
    REQUIRE(model.vocabulary.word_count() == 2);
    CHECK(model.vocabulary.word(2) == "the");
    CHECK(model.vocabulary.word(3) == "cat");
    CHECK(model.vectors(2, 2) == 2e-3f);
    CHECK(model.vectors(3, 1) == 2.0f);
    CHECK(model.vectors.row(0).isZero());
    CHECK(model.metadata["converted_from"]["format"] == "word2vec-text");
  }
}

TEST_CASE("GloVe: no header, the dimension from the first row") {
  const EmbeddingModel model = read_glove("the 0.5 -1\nété 1 2\n");
  CHECK(model.vectors.cols() == 2);
  CHECK(model.vocabulary.id_of("été") == 3);
  check_message(error_of([&] { read_glove("the 0.5 -1\ncat 1 2 3\n"); }),
                {"the row has 3 numbers after its word, expected 2", "(g.txt: line 2)"});
  check_message(error_of([&] { read_glove("lonely\n"); }), {"no numbers", "(g.txt: line 1)"});
  CHECK(read_glove("").vocabulary.word_count() == 0);
}

TEST_CASE("numbers as other tools print them") {
  const EmbeddingModel model = read_word2vec("1 8\nw 1E+02 -0 .5 5. nan -inf 1e-50 3.4028235e+38\n");
  CHECK(model.vectors(2, 0) == 100.0f);
  CHECK(std::signbit(model.vectors(2, 1)));
  CHECK(model.vectors(2, 2) == 0.5f);
  CHECK(model.vectors(2, 3) == 5.0f);
  CHECK(std::isnan(model.vectors(2, 4)));
  CHECK(model.vectors(2, 5) == -std::numeric_limits<float>::infinity());
  CHECK(model.vectors(2, 6) == 0.0f);  // below float32's range: a float32 cast gives 0
  CHECK(model.vectors(2, 7) == std::numeric_limits<float>::max());
}

TEST_CASE("broken word2vec text files name the line") {
  check_word2vec_rejects("", {"the file is empty", "v.vec: line 1"});
  check_word2vec_rejects("the 0.5 1\n", {"the first line should be the header", "use --from glove"});
  check_word2vec_rejects("2 x\nthe 1\n", {"the first line should be the header"});
  check_word2vec_rejects("-2 3\n", {"the first line should be the header"});
  check_word2vec_rejects("3 1\nthe 1\ncat 3\n", {"ends after 2 rows", "announces 3"});
  check_word2vec_rejects("1 2\nthe 1 2\ncat 3 4\n", {"more rows than the 1", "(v.vec: line 3)"});
  check_word2vec_rejects("2 2\nthe 1\ncat 3 4\n", {"has 1 numbers after its word, expected 2", "(v.vec: line 2)"});
  check_word2vec_rejects("2 2\nthe 1 2\nnew york 3 4\n",
                         {"has 3 numbers", "is there a space in the word?", "(v.vec: line 3)"});
  check_word2vec_rejects("2 2\nthe 1 2\ncat 3 4x\n",
                         {"number 2 of the row, \"4x\", is not a float32 number", "(v.vec: line 3, byte 18)"});
  check_word2vec_rejects("1 1\nthe 1e39\n", {"\"1e39\", is not a float32 number"});
  check_word2vec_rejects("2 2\nthe 1 2\n\ncat 3 4\n", {"an empty line between rows", "line 3"});
  check_word2vec_rejects("2 2\nthe 1 2\nthe 3 4\n", {"the word \"the\" appears twice, first at line 2", "(v.vec: line 3)"});
  check_word2vec_rejects("1000000 300\nthe 1 2\n", {"announces 1000000 rows of 300 numbers", "truncated"});
  check_word2vec_rejects("18446744073709551615 18446744073709551615\n", {"more than the rest of the file"});
}

TEST_CASE("a word may hold any valid UTF-8 but spaces: a NUL or a tab stays in the word") {
  const EmbeddingModel model = read_word2vec(std::string("2 1\nthe\0 1\na\tb 2\n", 16));
  CHECK(model.vocabulary.word(2) == std::string("the\0", 4));
  CHECK(model.vocabulary.word(3) == "a\tb");
}

TEST_CASE("words that are not valid UTF-8") {
  const std::string text = "2 1\ncaf\xe9 1\nok 2\n";  // Latin-1 é
  check_message(error_of([&] { read_word2vec(text); }),
                {"a word is not valid UTF-8", "--unicode-errors", "(v.vec: line 2, byte 7)"});
  ForeignReadOptions replace;
  replace.unicode_errors = UnicodeErrors::replace;
  CHECK(read_word2vec(text, replace).vocabulary.word(2) == "caf\xef\xbf\xbd");
  ForeignReadOptions ignore;
  ignore.unicode_errors = UnicodeErrors::ignore;
  CHECK(read_word2vec(text, ignore).vocabulary.word(2) == "caf");
  SUBCASE("two words that become one after replacement are reported, not merged") {
    check_message(error_of([&] { read_word2vec("2 1\na\xff 1\na\xfe 2\n", replace); }),
                  {"appears twice", "line 2", "line 3"});
  }
  SUBCASE("a word of invalid bytes only, dropped whole") {
    check_message(error_of([&] { read_word2vec("1 1\n\xff\xfe 1\n", ignore); }), {"a word is empty", "line 2"});
  }
}

TEST_CASE("--limit stops reading: what follows the first N rows is not looked at") {
  ForeignReadOptions options;
  options.limit = 2;
  const EmbeddingModel model = read_word2vec("4 1\na 1\nb 2\nc not-a-number\n", options);
  CHECK(model.vocabulary.word_count() == 2);
  CHECK(read_glove("a 1\nb 2\nc 3 4 5\n", options).vocabulary.word_count() == 2);
}

TEST_CASE("writing refuses words that would shift the columns") {
  EmbeddingModel model;
  model.vocabulary.add("new york", 0);
  model.vectors = Matrix::Zero(3, 2);
  ScratchFolder folder;
  OutputFile out(folder.file("x.vec"));
  check_message(error_of([&] { write_text_vectors(model, TextHeader::word2vec, out); }),
                {"as word2vec-text", "\"new york\" of row 2 contains a space"});
}
