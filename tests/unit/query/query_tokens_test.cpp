#include "embedtool/query/query_tokens.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using embedtool::split_tokens;

namespace {
std::vector<std::string> tokens_of(const std::string& text) {
  std::vector<std::string> tokens;
  split_tokens(text, tokens);
  return tokens;
}
}  // namespace

TEST_CASE("query tokens are split at runs of any ASCII whitespace") {
  CHECK(tokens_of("  cat\tdog\r\n bird\v\ffish  ") ==
        std::vector<std::string>{"cat", "dog", "bird", "fish"});
  CHECK(tokens_of("").empty());
  CHECK(tokens_of(" \t\r\n").empty());
}

TEST_CASE("only ASCII whitespace splits: model words keep punctuation and Unicode spaces") {
  CHECK(tokens_of("don't-stop king,") == std::vector<std::string>{"don't-stop", "king,"});
  CHECK(tokens_of("a\xC2\xA0" "b") == std::vector<std::string>{"a\xC2\xA0" "b"});  // U+00A0
  CHECK(tokens_of("x\xFFy") == std::vector<std::string>{"x\xFFy"});
}

TEST_CASE("tokens are appended after those already there") {
  std::vector<std::string> tokens = {"first"};
  split_tokens("second third", tokens);
  CHECK(tokens == std::vector<std::string>{"first", "second", "third"});
}
