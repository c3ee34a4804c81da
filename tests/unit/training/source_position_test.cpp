// Sources tell where they stand between sentences and seek back there: what lets a resumed run
// read on from a checkpoint without replaying its part of the corpus.
#include <doctest/doctest.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/text/line_range_reader.h"
#include "embedtool/training/text_range_sentences.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace source_position_test {

using testing::TempTextFile;

Vocabulary a_and_b() {
  Vocabulary vocabulary;
  vocabulary.add("a", 2);
  vocabulary.add("b", 1);
  return vocabulary;
}

std::vector<Sequence> rest_of(SentenceSource& source) {
  std::vector<Sequence> rest;
  for (Sequence ids; source.next(ids);) rest.push_back(ids);
  return rest;
}

// After k sentences of `first`, a fresh source that seeks to first's position reads exactly
// what `first` reads next, for every k.
void check_every_position(const std::function<std::unique_ptr<SentenceSource>()>& make) {
  const auto whole = [&] {
    auto source = make();
    return rest_of(*source);
  }();
  for (std::size_t k = 0; k <= whole.size(); ++k) {
    CAPTURE(k);
    auto first = make();
    Sequence ids;
    for (std::size_t i = 0; i < k; ++i) REQUIRE(first->next(ids));
    const SourcePosition position = first->position();
    auto second = make();
    second->next(ids);  // somewhere else first: seek must not depend on the current place
    second->seek(position);
    const std::vector<Sequence> expected(whole.begin() + static_cast<std::ptrdiff_t>(k),
                                         whole.end());
    CHECK(rest_of(*second) == expected);
    CHECK(rest_of(*first) == expected);
  }
}

TEST_CASE("text ranges resume at every sentence, inside cut lines and across CRLF and no final "
          "line end") {
  const Tokenizer tokenizer;
  const Vocabulary vocabulary = a_and_b();
  const TextEncoder encoder(tokenizer, vocabulary);
  std::string text = "a b a b a b a\r\n\nb zebra a\ra a a a a a a a a b\n";
  for (int i = 0; i < 7; ++i) text += "a b ";
  text += "\nb";
  const TempTextFile file(text);
  const auto size = static_cast<std::uint64_t>(text.size());
  for (std::size_t parts : {1, 2, 3}) {
    const auto ranges = split_into_ranges(size, parts);
    for (std::size_t part = 0; part < parts; ++part) {
      CAPTURE(parts);
      CAPTURE(part);
      check_every_position([&] {
        // Sentences of at most 3 words, pieces of at most 5 bytes: lines are cut both ways.
        return std::make_unique<TextRangeSentences>(file.path(), "corpus.txt", ranges[part],
                                                    ranges[part + 1], encoder, 3, 5);
      });
    }
  }
}

TEST_CASE("sentences in memory resume at every index") {
  const std::vector<Sequence> sentences = {{2, 3}, {}, {3}, {2, 2, 2}};
  check_every_position([&] { return std::make_unique<SentenceSpanSource>(sentences); });
  SentenceSpanSource source(sentences);
  CHECK_THROWS_AS(source.seek({5, 0, 0}), Error);
}

TEST_CASE("a text position that is no line start of the range is refused") {
  const Tokenizer tokenizer;
  const Vocabulary vocabulary = a_and_b();
  const TextEncoder encoder(tokenizer, vocabulary);
  const TempTextFile file("a b\nb a\n");
  TextRangeSentences source(file.path(), "corpus.txt", 0, 100, encoder);
  CHECK_THROWS_WITH_AS(source.seek({2, 0, 0}), doctest::Contains("no line"), Error);
  CHECK_THROWS_WITH_AS(source.seek({4, 1, 3}), doctest::Contains("ends before sentence"), Error);
  source.seek({4, 1, 0});
  Sequence ids;
  REQUIRE(source.next(ids));
  CHECK(ids == Sequence{3, 2});
}

}  // namespace source_position_test
}  // namespace embedtool
