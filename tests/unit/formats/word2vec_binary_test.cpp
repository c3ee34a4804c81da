// word2vec binary files as the C tool and gensim write them, and broken ones.
#include <doctest/doctest.h>

#include <bit>

#include "embedtool/formats/word2vec_binary.h"
#include "formats_test_support.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

// "word " + the little-endian float32 of each value, and `row_end` after it.
std::string row(std::string_view word, std::initializer_list<float> values, std::string_view row_end) {
  std::string text(word);
  text.push_back(' ');
  for (float value : values) {
    const auto bits = std::bit_cast<std::uint32_t>(value);
    for (int i = 0; i < 4; ++i) text.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
  }
  return text.append(row_end);
}

EmbeddingModel read(std::string_view bytes, ForeignReadOptions options = {}) {
  return read_word2vec_binary(bytes_of(bytes), "v.bin", options);
}

void check_rejects(std::string_view bytes, std::initializer_list<std::string_view> parts) {
  check_message(error_of([&] { read(bytes); }), parts);
}

}  // namespace

TEST_CASE("rows with and without the newline after each vector read the same") {
  for (std::string_view row_end : {"\n", ""}) {
    CAPTURE(row_end.size());
    const std::string file = "2 2\n" + row("the", {0.5f, -1.0f}, row_end) + row("été", {2.0f, 3.0f}, row_end);
    const EmbeddingModel model = read(file);
    REQUIRE(model.vocabulary.word_count() == 2);
    CHECK(model.vocabulary.word(3) == "été");
    CHECK(model.vectors(2, 1) == -1.0f);
    CHECK(model.vectors(3, 0) == 2.0f);
  }
}

TEST_CASE("a vector's bytes may be anything, newlines and spaces included") {
  // 10.0f is 00 00 20 41: a space byte inside the values must not end anything.
  const float awkward = std::bit_cast<float>(std::uint32_t{0x0a200a20});
  const std::string file = "2 1\n" + row("a", {awkward}, "") + row("b", {10.0f}, "\n");
  const EmbeddingModel model = read(file);
  CHECK(std::bit_cast<std::uint32_t>(model.vectors(2, 0)) == 0x0a200a20);
  CHECK(model.vectors(3, 0) == 10.0f);
}

TEST_CASE("broken files name the byte") {
  const std::string good = "2 2\n" + row("the", {1, 2}, "\n") + row("cat", {3, 4}, "\n");
  check_rejects("", {"not a word2vec binary file", "(v.bin: byte 0)"});
  check_rejects("hello world, no header here", {"not a word2vec binary file"});
  check_rejects("2 two\n", {"not a word2vec binary file", "\"2 two\""});
  check_rejects("1000 300\nthe ", {"announces 1000 rows of 300 float32", "truncated"});
  check_rejects(good.substr(0, good.size() - 5), {"ends inside the vector of row 2 of 2", "8 bytes needed, 4 left"});
  check_rejects("2 2\n" + row("thethethethethe", {1, 2}, "\n") + "ca",
                {"ends inside the word of row 2 of 2", "(v.bin: byte 29)"});
  check_rejects(good + "dog", {"goes on after the 2 rows", "3 more bytes", "byte 30"});
  check_rejects("2 2\n" + row("the", {1, 2}, "\n") + row("the", {3, 4}, "\n"),
                {"the word \"the\" appears twice, first at row 1", "(v.bin: row 2)"});
  check_rejects("1 1\n" + row("caf\xe9", {1}, ""), {"not valid UTF-8", "(v.bin: byte 7)"});
  CHECK(read(good + "\n\n").vocabulary.word_count() == 2);  // trailing newlines are fine
}

TEST_CASE("words cut inside a character, as the C tool's fixed-size buffer does") {
  ForeignReadOptions replace;
  replace.unicode_errors = UnicodeErrors::replace;
  CHECK(read("1 1\n" + row("caf\xc3", {1}, "\n"), replace).vocabulary.word(2) == "caf\xef\xbf\xbd");
}

TEST_CASE("--limit reads the first rows only") {
  ForeignReadOptions options;
  options.limit = 1;
  // The second row is cut short: it is never reached.
  const EmbeddingModel model = read("2 2\n" + row("thethethethethe", {1, 2}, "\n") + "cat ", options);
  CHECK(model.vocabulary.word_count() == 1);
}
