// Reading word-pair and analogy files, and the errors for malformed ones.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/query/analogy_questions_file.h"
#include "embedtool/query/word_pairs_file.h"

using embedtool::Error;
using embedtool::read_analogy_questions;
using embedtool::read_word_pairs;

namespace {

std::vector<embedtool::WordPair> pairs_of(const std::string& text) {
  std::istringstream input(text);
  return read_word_pairs(input, "pairs.tsv");
}

std::vector<embedtool::AnalogySection> questions_of(const std::string& text) {
  std::istringstream input(text);
  return read_analogy_questions(input, "questions.txt");
}

}  // namespace

TEST_CASE("word pairs: comments and blank lines skipped, tabs or spaces, any line end") {
  const auto pairs = pairs_of(
      "# WordSim-353\n# Word 1\tWord 2\tHuman (mean)\n\ntiger\tcat\t7.35\r\n"
      "book paper  +7\n  \t\ncomputer\t keyboard\t1e-1");
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0].first == "tiger");
  CHECK(pairs[0].second == "cat");
  CHECK(pairs[0].score == 7.35);
  CHECK(pairs[0].line == 4);
  CHECK(pairs[1].score == 7);
  CHECK(pairs[2].second == "keyboard");
  CHECK(pairs[2].score == doctest::Approx(0.1));
  CHECK(pairs[2].line == 7);
}

TEST_CASE("malformed word-pair files name the file and line") {
  CHECK_THROWS_WITH_AS(pairs_of("# c\ntiger cat 7\ntiger cat\n"),
                       "malformed word pair: expected 3 fields (word1 word2 score) separated by "
                       "spaces or tabs, found 2 (pairs.tsv: line 3)",
                       Error);
  CHECK_THROWS_WITH_AS(pairs_of("a b c 1\n"), doctest::Contains("found 4 (pairs.tsv: line 1)"),
                       Error);
  CHECK_THROWS_WITH_AS(
      pairs_of("tiger cat seven\n"),
      "malformed word pair: the score \"seven\" is not a number (pairs.tsv: line 1)", Error);
  CHECK_THROWS_WITH_AS(pairs_of("tiger cat 7.3x\n"), doctest::Contains("\"7.3x\""), Error);
  CHECK_THROWS_WITH_AS(pairs_of("tiger cat nan\n"), doctest::Contains("not a number"), Error);
  CHECK_THROWS_WITH_AS(pairs_of("tiger cat inf\n"), doctest::Contains("not a number"), Error);
  CHECK_THROWS_WITH_AS(pairs_of("ok fine 1\nti\xC3ger cat 1\n"),
                       doctest::Contains("not valid UTF-8 (pairs.tsv: line 2)"), Error);
  CHECK_THROWS_WITH_AS(pairs_of("# only comments\n\n"),
                       doctest::Contains("no word pairs in pairs.tsv"), Error);
}

TEST_CASE("analogy questions: sections in order, blank lines skipped") {
  const auto sections = questions_of(
      ": capital-common-countries\nAthens Greece Baghdad Iraq\n\n"
      "Athens\tGreece Bangkok Thailand\r\n:family\nboy girl brother sister\n: empty\n");
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].name == "capital-common-countries");
  REQUIRE(sections[0].questions.size() == 2);
  CHECK(sections[0].questions[1].words[1] == "Greece");
  CHECK(sections[0].questions[1].words[3] == "Thailand");
  CHECK(sections[0].questions[1].line == 4);
  CHECK(sections[1].name == "family");
  CHECK(sections[1].questions[0].words[0] == "boy");
  CHECK(sections[2].questions.empty());
}

TEST_CASE("malformed analogy files name the file and line") {
  CHECK_THROWS_WITH_AS(questions_of(": s\na b c d\na b c\n"),
                       "malformed analogy question: expected 4 words (a b c d) separated by "
                       "spaces or tabs, found 3 (questions.txt: line 3)",
                       Error);
  CHECK_THROWS_WITH_AS(questions_of(": s\na b c d e\n"),
                       doctest::Contains("found 5 (questions.txt: line 2)"), Error);
  CHECK_THROWS_WITH_AS(
      questions_of("a b c d\n: s\n"),
      doctest::Contains("before the first `: section` header (questions.txt: line 1)"), Error);
  CHECK_THROWS_WITH_AS(questions_of(": s\na b c d\n:  \n"),
                       doctest::Contains("no name after ':' (questions.txt: line 3)"), Error);
  CHECK_THROWS_WITH_AS(questions_of(": s\na b \xE2\x82 d\n"),
                       doctest::Contains("not valid UTF-8 (questions.txt: line 2)"), Error);
  CHECK_THROWS_WITH_AS(questions_of(": s\n: t\n"),
                       doctest::Contains("no analogy questions in questions.txt"), Error);
}
