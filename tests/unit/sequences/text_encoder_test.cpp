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

TEST_CASE("encode_text maps known words to their ids and unknown words to 1") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer tokenizer;
  // Default tokenizer: lowercased, punctuation dropped, so "DOG!" is "dog".
  CHECK(embedtool::encode_text("The cat, the DOG! and a fish", tokenizer, vocabulary) ==
        Sequence{1, 2, 1, 3, 1, 1, 1});
  CHECK(embedtool::encode_text("Café cat", tokenizer, vocabulary) == Sequence{4, 2});
  CHECK(embedtool::encode_text("zebra", tokenizer, vocabulary) == Sequence{embedtool::kUnknownId});
}

TEST_CASE("encode_text of a line without words is empty") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer tokenizer;
  CHECK(embedtool::encode_text("", tokenizer, vocabulary).empty());
  CHECK(embedtool::encode_text(" ... !! ", tokenizer, vocabulary).empty());
}

TEST_CASE("encode_text follows the tokenizer's options") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  embedtool::TokenizerOptions options;
  options.lowercase = false;
  const embedtool::Tokenizer case_sensitive(options);
  CHECK(embedtool::encode_text("cat Cat", case_sensitive, vocabulary) == Sequence{2, 1});
}

TEST_CASE("encode_text passes the location to the tokenizer's errors") {
  const embedtool::Vocabulary vocabulary = small_vocabulary();
  const embedtool::Tokenizer strict_tokenizer;
  const embedtool::TextLocation where{"corpus.txt", 12, 300};
  std::string message;
  try {
    embedtool::encode_text("cat \xff dog", strict_tokenizer, vocabulary, where);
  } catch (const embedtool::Error& error) {
    message = error.what();
  }
  CHECK(message.find("corpus.txt") != std::string::npos);
  CHECK(message.find("12") != std::string::npos);
}
