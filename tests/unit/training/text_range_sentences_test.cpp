// Sentences from a text file: a line each, long lines cut into sentences of bounded length.
#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/training/text_range_sentences.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace text_range_sentences_test {

using testing::TempTextFile;
constexpr std::uint64_t kToEnd = std::numeric_limits<std::uint64_t>::max();

Vocabulary a_and_b() {
  Vocabulary vocabulary;
  vocabulary.add("a", 2);
  vocabulary.add("b", 1);
  return vocabulary;
}

struct Fixture {
  Tokenizer tokenizer;
  Vocabulary vocabulary = a_and_b();
  TextEncoder encoder{tokenizer, vocabulary};
  std::vector<Sequence> read(const std::string& path, std::size_t max_words,
                             std::size_t max_piece) {
    TextRangeSentences sentences(path, "corpus.txt", 0, kToEnd, encoder, max_words,
                                 max_piece);
    std::vector<Sequence> all;
    for (Sequence ids; sentences.next(ids);) all.push_back(ids);
    return all;
  }
};

std::string words(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i % 2 ? "b " : "a ";
  return text;
}

TEST_CASE("sentences: a line each, unknown words as kUnknownId, empty lines as empty sentences") {
  Fixture f;
  const TempTextFile file("a b zebra\n\nB, a\n");
  const auto sentences = f.read(file.path(), 10000, 65536);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0] == Sequence{2, 3, kUnknownId});
  CHECK(sentences[1].empty());
  CHECK(sentences[2] == Sequence{3, 2});
}

TEST_CASE(
    "sentences: long lines are cut into sentences of at most the maximum, whatever the pieces") {
  Fixture f;
  const TempTextFile file(words(25) + "\n" + words(10) + "\n" + words(20) + "\n" + words(3));
  for (const std::size_t max_piece :
       {std::size_t{3}, std::size_t{7}, std::size_t{64}, std::size_t{65536}}) {
    CAPTURE(max_piece);
    const auto sentences = f.read(file.path(), 10, max_piece);
    std::vector<std::size_t> lengths;
    for (const Sequence& s : sentences) lengths.push_back(s.size());
    // 25 -> 10 10 5; exactly 10 -> one sentence (no empty one after it); 20 -> 10 10; 3.
    CHECK(lengths == std::vector<std::size_t>{10, 10, 5, 10, 10, 10, 3});
    for (const Sequence& s : sentences)
      CHECK(s.front() == 2);  // cuts fall between words: a b a b ...
  }
}

TEST_CASE("sentences: a line longer than the maximum and with no line end") {
  Fixture f;
  const std::size_t count = 3 * TextRangeSentences::kMaxSentenceWords + 17;
  const TempTextFile file(words(count));
  TextRangeSentences sentences(file.path(), "corpus.txt", 0, kToEnd, f.encoder);
  std::size_t total = 0;
  std::size_t longest = 0;
  for (Sequence ids; sentences.next(ids);) {
    total += ids.size();
    longest = std::max(longest, ids.size());
  }
  CHECK(total == count);
  CHECK(longest == TextRangeSentences::kMaxSentenceWords);
}

TEST_CASE("sentences: invalid UTF-8 is an error naming the file, line and byte") {
  Fixture f;
  const TempTextFile file("a b\na \xFF b\n");
  CHECK_THROWS_WITH_AS(f.read(file.path(), 10000, 65536),
                       doctest::Contains("corpus.txt: line 2, byte 6"), Error);
}

}  // namespace text_range_sentences_test
}  // namespace embedtool
