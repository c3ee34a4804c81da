#include <doctest/doctest.h>

#include <string>

#include "embedtool/errors.h"
#include "embedtool/sequences/text_encoder.h"

using embedtool::Sequence;

namespace {

embedtool::Vocabulary small_vocabulary() {
  embedtool::Vocabulary vocabulary;
  vocabulary.add("cat", 5);   // id 2
  vocabulary.add("dog", 3);   // id 3
  vocabulary.add("café", 2);  // id 4
  return vocabulary;
}

}  // namespace

TEST_CASE("TextEncoder maps known words to their ids and unknown words to 1") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer tokenizer;
  const embedtool::TextEncoder encoder(tokenizer, vocabulary);
  // Default tokenizer: lowercased, punctuation dropped, so "DOG!" is "dog".
  CHECK(encoder.encode("The cat, the DOG! and a fish") ==
        Sequence{1, 2, 1, 3, 1, 1, 1});
  CHECK(encoder.encode("Café cat") == Sequence{4, 2});
  CHECK(encoder.encode("zebra") == Sequence{embedtool::kUnknownId});
}

TEST_CASE("TextEncoder: a a line without words is empty") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer tokenizer;
  const embedtool::TextEncoder encoder(tokenizer, vocabulary);
  CHECK(encoder.encode("").empty());
  CHECK(encoder.encode(" ... !! ").empty());
}

TEST_CASE("TextEncoder follows the tokenizer's options") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  embedtool::TokenizerOptions options;
  options.lowercase = false;
  const embedtool::Tokenizer case_sensitive(options);
  const embedtool::TextEncoder encoder(case_sensitive, vocabulary);
  CHECK(encoder.encode("cat Cat") == Sequence{2, 1});
}

TEST_CASE("TextEncoder passes the location to the tokenizer's errors") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer strict_tokenizer;
  const embedtool::TextEncoder encoder(strict_tokenizer, vocabulary);
  const embedtool::TextLocation where{"corpus.txt", 12, 300};
  std::string message;
  try {
    encoder.encode("cat \xff dog", where);
  } catch (const embedtool::Error& error) {
    message = error.what();
  }
  CHECK(message.find("corpus.txt") != std::string::npos);
  CHECK(message.find("12") != std::string::npos);
}

TEST_CASE("TextEncoder appends to the ids it is given, as the vocabulary maps them") {
  embedtool::Vocabulary vocabulary;
  for (int i = 0; i < 300; ++i) vocabulary.add(std::string("w") += std::to_string(i), 300 - i);
  const embedtool::Tokenizer tokenizer;
  const embedtool::TextEncoder encoder(tokenizer, vocabulary);
  Sequence ids{7};
  encoder.append_ids("w0 w299 w300 w17", {}, ids);
  CHECK(ids == Sequence{7, vocabulary.id_or_unknown("w0"), vocabulary.id_or_unknown("w299"),
                        embedtool::kUnknownId, vocabulary.id_or_unknown("w17")});
  CHECK(ids[1] == 2);
  CHECK(ids[2] == 301);
}
