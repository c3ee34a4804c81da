#include "embedtool/vocabulary/vocabulary_io.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "embedtool/errors.h"

using embedtool::Vocabulary;

namespace {

Vocabulary read(const std::string& text) {
  std::istringstream input(text);
  return embedtool::read_vocabulary_tsv(input, "vocab.tsv");
}

std::string write(const Vocabulary& vocabulary) {
  std::ostringstream output;
  embedtool::write_vocabulary_tsv(vocabulary, output);
  return output.str();
}

Vocabulary sample() {
  Vocabulary vocabulary;
  vocabulary.add("the", 120);
  vocabulary.add("café", 7);
  vocabulary.add("日本", 7);
  vocabulary.add("don't", 0);
  return vocabulary;
}

}  // namespace

TEST_CASE("writes one word<TAB>count line per word, in id order") {
  CHECK(write(sample()) == "the\t120\ncafé\t7\n日本\t7\ndon't\t0\n");
  CHECK(write(Vocabulary{}).empty());
}

TEST_CASE("round trip keeps words, ids and counts") {
  const Vocabulary original = sample();
  const Vocabulary copy = read(write(original));
  REQUIRE(copy.input_dim() == original.input_dim());
  for (embedtool::WordId id = 0; id < static_cast<embedtool::WordId>(copy.input_dim()); ++id) {
    CHECK(copy.word(id) == original.word(id));
    CHECK(copy.count(id) == original.count(id));
  }
  CHECK(copy.total_count() == 134);
  CHECK(copy.id_of("日本") == embedtool::WordId{4});
}

TEST_CASE("reading accepts CRLF, a BOM, edited counts and a trailing empty line") {
  const Vocabulary vocabulary = read("\xEF\xBB\xBF" "b\t1\r\na\t18446744073709551614\r\n\r\n");
  CHECK(vocabulary.word_count() == 2);
  CHECK(vocabulary.word(2) == "b");
  CHECK(vocabulary.count(3) == 18446744073709551614ull);
  CHECK(read("").word_count() == 0);
  CHECK(read("a\t1").word_count() == 1);
}

TEST_CASE("malformed lines are errors naming the file and line") {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"a\t1\nb 2\n", "malformed vocabulary line: no tab between word and count (vocab.tsv: line 2)"},
      {"a\t1\t2\n", "malformed vocabulary line: more than one tab (expected word<TAB>count) "
                    "(vocab.tsv: line 1)"},
      {"a\t\n", "malformed vocabulary line: no count after the tab (vocab.tsv: line 1)"},
      {"a\tmany\n", "malformed vocabulary line: the count 'many' is not a whole number "
                    "(vocab.tsv: line 1)"},
      {"a\t12 \n", "malformed vocabulary line: the count '12 ' is not a whole number "
                   "(vocab.tsv: line 1)"},
      {"a\t+3\n", "malformed vocabulary line: the count '+3' is not a whole number "
                  "(vocab.tsv: line 1)"},
      {"a\t1.5\n", "malformed vocabulary line: the count '1.5' is not a whole number "
                   "(vocab.tsv: line 1)"},
      {"a\t1\nb\t-3\n", "malformed vocabulary line: the count '-3' is negative (vocab.tsv: line 2)"},
      {"a\t18446744073709551616\n",
       "malformed vocabulary line: the count '18446744073709551616' is too large (at most "
       "18446744073709551615) (vocab.tsv: line 1)"},
      {"a\t18446744073709551615\nb\t1\n",
       "malformed vocabulary line: the counts add up to more than 18446744073709551615 "
       "(vocab.tsv: line 2)"},
      {"\t5\n", "malformed vocabulary line: empty word (vocab.tsv: line 1)"},
      {"a\t1\nb\t2\na\t3\n",
       "malformed vocabulary line: duplicate word 'a' (first on line 1) (vocab.tsv: line 3)"},
      {"new york\t5\n", "malformed vocabulary line: the word contains whitespace or a control "
                        "character (vocab.tsv: line 1)"},
      {"no\xC2\xA0" "break\t5\n", "malformed vocabulary line: the word contains whitespace or a "
                                  "control character (vocab.tsv: line 1)"},
      {"bad\xFF\t5\n", "malformed vocabulary line: the word is not valid UTF-8 (vocab.tsv: line 1)"},
      {"a\t1\n\nb\t2\n", "malformed vocabulary line: empty line (only allowed at the end) "
                         "(vocab.tsv: line 2)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK_THROWS_WITH_AS(read(c.text), c.message, embedtool::Error);
  }
}

TEST_CASE("long words and counts are shortened in messages") {
  const std::string long_count(100, '7');
  CHECK_THROWS_WITH_AS(read("a\t" + long_count),
                       ("malformed vocabulary line: the count '" + std::string(40, '7') +
                        "...' is too large (at most 18446744073709551615) (vocab.tsv: line 1)")
                           .c_str(),
                       embedtool::Error);
}

TEST_CASE("a word that the file format cannot hold is not written") {
  Vocabulary vocabulary;
  vocabulary.add("fine", 2);
  vocabulary.add("two words", 1);
  std::ostringstream output;
  CHECK_THROWS_WITH_AS(embedtool::write_vocabulary_tsv(vocabulary, output),
                       "cannot write the word 'two words' (id 3) to a vocabulary file: the word "
                       "contains whitespace or a control character",
                       embedtool::Error);
}

TEST_CASE("a failed output stream is an Error") {
  std::ostringstream output;
  output.setstate(std::ios::badbit);
  CHECK_THROWS_AS(embedtool::write_vocabulary_tsv(sample(), output), embedtool::Error);
}
