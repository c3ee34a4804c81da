// fastText's character n-grams and hash, checked against values computed independently (a few
// lines of Python following fastText's dictionary.cc) rather than against this implementation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embedtool/text/char_ngrams.h"

// No using-directive: this file shares a unity-build batch with the other text tests.
using embedtool::char_ngram_buckets;
using embedtool::CharNgramRange;
using embedtool::fasttext_hash;
using embedtool::for_each_char_ngram;

namespace {

std::vector<std::string> ngrams_of(std::string_view word, CharNgramRange range) {
  std::vector<std::string> found;
  for_each_char_ngram(word, range, [&](std::string_view ngram) { found.emplace_back(ngram); });
  return found;
}

}  // namespace

TEST_CASE("fasttext_hash is FNV-1a over bytes sign-extended as signed char") {
  CHECK(fasttext_hash("") == 2166136261u);
  CHECK(fasttext_hash("a") == 3826002220u);  // ASCII: the same as textbook FNV-1a
  CHECK(fasttext_hash("<wh") == 1048167652u);
  // Bytes >= 0x80 differ from textbook FNV-1a (513665217 and 1000711971 there).
  CHECK(fasttext_hash("\xc3\xa9") == 1023043777u);
  CHECK(fasttext_hash("<caf\xc3\xa9>") == 3312017187u);
}

TEST_CASE("n-grams of <word> in fastText's order, lone brackets left out") {
  CHECK(ngrams_of("where", {3, 6}) ==
        std::vector<std::string>{"<wh", "<whe", "<wher", "<where", "whe", "wher", "where",
                                 "where>", "her", "here", "here>", "ere", "ere>", "re>"});
  // Length 1: the characters but not the brackets alone.
  CHECK(ngrams_of("ab", {1, 1}) == std::vector<std::string>{"a", "b"});
  CHECK(ngrams_of("ab", {1, 2}) == std::vector<std::string>{"<a", "a", "ab", "b", "b>"});
  CHECK(ngrams_of("ab", {3, 6}) == std::vector<std::string>{"<ab", "<ab>", "ab>"});
  CHECK(ngrams_of("where", {0, 0}).empty());  // maxn 0: a word-only model
  CHECK(ngrams_of("ab", {5, 3}).empty());     // minn > maxn gives none, as in fastText
}

TEST_CASE("a multi-byte character counts as one, a stray continuation byte joins the one before") {
  CHECK(ngrams_of("\xc3\xa9t\xc3\xa9", {3, 3}) ==
        std::vector<std::string>{"<\xc3\xa9t", "\xc3\xa9t\xc3\xa9", "t\xc3\xa9>"});
  CHECK(ngrams_of("a\x80", {1, 1}) == std::vector<std::string>{"a\x80"});
}

TEST_CASE("buckets are the hash modulo the bucket count, repeats kept") {
  CHECK(char_ngram_buckets("aa", {1, 1}, 1000) == std::vector<std::uint64_t>{3826002220u % 1000, 3826002220u % 1000});
  CHECK(char_ngram_buckets("aa", {1, 1}, 0).empty());
}
