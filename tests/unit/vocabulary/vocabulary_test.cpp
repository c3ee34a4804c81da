#include "embedtool/vocabulary/vocabulary.h"

#include <doctest/doctest.h>

#include "embedtool/errors.h"

using embedtool::Vocabulary;
using embedtool::WordId;

TEST_CASE("words take ids from 2 in the order they are added") {
  Vocabulary vocabulary;
  CHECK(vocabulary.input_dim() == 2);
  CHECK(vocabulary.add("the", 10) == 2);
  CHECK(vocabulary.add("cat", 3) == 3);
  CHECK(vocabulary.input_dim() == 4);
  CHECK(vocabulary.word_count() == 2);
  CHECK(vocabulary.total_count() == 13);
  CHECK(vocabulary.word(2) == "the");
  CHECK(vocabulary.word(3) == "cat");
  CHECK(vocabulary.count(2) == 10);
  CHECK(vocabulary.count(3) == 3);
}

TEST_CASE("the reserved ids have names and no count") {
  Vocabulary vocabulary;
  vocabulary.add("word", 5);
  CHECK(vocabulary.word(embedtool::kPaddingId) == "<pad>");
  CHECK(vocabulary.word(embedtool::kUnknownId) == "<unk>");
  CHECK(vocabulary.count(embedtool::kPaddingId) == 0);
  CHECK(vocabulary.count(embedtool::kUnknownId) == 0);
  // The reserved names are not words.
  CHECK_FALSE(vocabulary.id_of("<pad>").has_value());
  CHECK(vocabulary.id_or_unknown("<pad>") == embedtool::kUnknownId);
}

TEST_CASE("id_of and id_or_unknown") {
  Vocabulary vocabulary;
  vocabulary.add("a", 2);
  vocabulary.add("b", 1);
  CHECK(vocabulary.id_of("b") == WordId{3});
  CHECK_FALSE(vocabulary.id_of("c").has_value());
  CHECK_FALSE(vocabulary.id_of("").has_value());
  CHECK(vocabulary.id_or_unknown("a") == 2);
  CHECK(vocabulary.id_or_unknown("A") == embedtool::kUnknownId);
}

TEST_CASE("ids out of range are an Error") {
  Vocabulary vocabulary;
  vocabulary.add("a", 2);
  CHECK_THROWS_WITH_AS(vocabulary.word(3),
                       "word id 3 is out of range (the vocabulary has ids 0 to 2)",
                       embedtool::Error);
  CHECK_THROWS_AS(vocabulary.word(-1), embedtool::Error);
  CHECK_THROWS_AS(vocabulary.count(3), embedtool::Error);
}

TEST_CASE("empty and duplicate words are refused") {
  Vocabulary vocabulary;
  vocabulary.add("a", 2);
  CHECK_THROWS_AS(vocabulary.add("", 1), embedtool::Error);
  CHECK_THROWS_WITH_AS(vocabulary.add("a", 1), "the word 'a' is already in the vocabulary",
                       embedtool::Error);
  CHECK(vocabulary.input_dim() == 3);
  CHECK(vocabulary.total_count() == 2);
}
