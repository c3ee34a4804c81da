#include "embedtool/query/analogy_eval.h"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "embedtool/query/analogy_solver.h"
#include "embedtool/query/case_insensitive_index.h"
#include "eval_test_model.h"

using embedtool::AnalogyQuestion;
using embedtool::AnalogySection;
using embedtool::evaluate_analogies;
using embedtool::eval_test::model_of;

namespace {

// Rows 2.. in this order. "QUEEN" and "King" are other spellings of queen and king (same
// directions). Scores of b̂ − â + ĉ, worked out by hand (and with numpy):
//   man woman king:  queen = QUEEN 1.024, prince 0.841, woman = king = King 0.793, man 0.414
//   woman man queen: king = King 1.050, prince 1.035, man 0.955, queen = QUEEN 0.819
//   king prince man: man 0.998, woman 0.756, prince 0.708, king = King 0.705
//   man man king:    king = King 1.000, prince 0.998, queen 0.843, man 0.707
embedtool::EmbeddingModel royal_model() {
  return model_of({{"man", {1, 0, 0, 0}},
                   {"woman", {1, 1, 0, 0}},
                   {"queen", {1, 0.8f, 0.8f, 0}},
                   {"prince", {1, 0.1f, 1, 0}},
                   {"king", {1, 0, 1, 0}},
                   {"apple", {0, 0, 0, 1}},
                   {"QUEEN", {1, 0.8f, 0.8f, 0}},
                   {"King", {2, 0, 2, 0}}});
}

AnalogyQuestion ask(std::string a, std::string b, std::string c, std::string d) {
  return {{std::move(a), std::move(b), std::move(c), std::move(d)}, 0};
}

std::size_t correct_answers(const std::vector<AnalogyQuestion>& questions,
                            std::size_t restrict_to = 100) {
  const std::vector<AnalogySection> sections = {{"s", questions}};
  return evaluate_analogies(royal_model(), sections, restrict_to).overall.correct;
}

}  // namespace

TEST_CASE("3CosAdd finds the known answer, whatever the case of the question") {
  CHECK(correct_answers({ask("man", "woman", "king", "queen")}) == 1);
  CHECK(correct_answers({ask("MAN", "Woman", "KING", "Queen")}) == 1);
  CHECK(correct_answers({ask("woman", "man", "queen", "king")}) == 1);
  CHECK(correct_answers({ask("man", "woman", "king", "prince")}) == 0);
}

TEST_CASE("the question words are never the answer") {
  // The nearest row to b̂ − â + ĉ is c itself (man); the next one answers.
  CHECK(correct_answers({ask("king", "prince", "man", "woman")}) == 1);
  CHECK(correct_answers({ask("king", "prince", "man", "man")}) == 0);
}

TEST_CASE("other spellings of a question word are excluded too") {
  // king and King (same direction) come first; neither may answer, so prince does.
  CHECK(correct_answers({ask("man", "man", "king", "prince")}) == 1);
}

TEST_CASE("an answer spelled otherwise counts as correct") {
  CHECK(correct_answers({ask("man", "woman", "king", "QUEEN")}) == 1);
}

TEST_CASE("--restrict: only the most frequent words are searched, other questions skipped") {
  // The 4 most frequent words: man, woman, queen, prince. king is outside: prince answers.
  CHECK(correct_answers({ask("woman", "man", "queen", "prince")}, 4) == 1);
  CHECK(correct_answers({ask("woman", "man", "queen", "prince")}) == 0);

  const std::vector<AnalogySection> sections = {
      {"royal", {ask("woman", "man", "queen", "prince"), ask("man", "woman", "king", "queen")}},
      {"fruit", {ask("apple", "man", "queen", "woman"), ask("man", "woman", "unicorn", "queen")}},
      {"none", {}}};
  const auto result = evaluate_analogies(royal_model(), sections, 4);
  CHECK(result.searched_words == 4);
  REQUIRE(result.sections.size() == 3);
  CHECK(result.sections[0].name == "royal");
  CHECK(result.sections[0].tally.questions == 2);
  CHECK(result.sections[0].tally.skipped == 1);  // king is not among the 4
  CHECK(result.sections[0].tally.correct == 1);
  CHECK(result.sections[0].tally.accuracy() == doctest::Approx(1));
  CHECK(result.sections[1].tally.skipped == 2);  // apple is outside; unicorn is unknown
  CHECK(std::isnan(result.sections[1].tally.accuracy()));
  CHECK(result.sections[2].tally.questions == 0);
  CHECK(result.overall.questions == 4);
  CHECK(result.overall.skipped == 3);
  CHECK(result.overall.answered() == 1);
  CHECK(result.overall.correct == 1);
  CHECK(result.overall.skipped_share() == doctest::Approx(0.75));

  CHECK(evaluate_analogies(royal_model(), sections, 1000).searched_words == 8);
}

TEST_CASE("equal scores go to the lower row") {
  const auto model = model_of({{"a", {1, 0, 0}},
                               {"b", {0, 1, 0}},
                               {"c", {0, 0, 1}},
                               {"first", {-1, 1, 1}},
                               {"second", {-2, 2, 2}}});
  const embedtool::CaseInsensitiveIndex index(model.vocabulary, 100);
  const embedtool::AnalogySolver solver(model.vectors, index);
  const std::vector<embedtool::AnalogyTriple> questions = {{2, 3, 4}};
  const auto answers = solver.solve(questions);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0] == 5);
}

TEST_CASE("small score budgets split the questions into batches without changing answers") {
  const auto model = royal_model();
  const embedtool::CaseInsensitiveIndex index(model.vocabulary, 100);
  std::vector<embedtool::AnalogyTriple> questions;
  for (embedtool::WordId a = 2; a < 10; ++a) {
    for (embedtool::WordId b = 2; b < 10; ++b) questions.push_back({a, b, (a + b) % 8 + 2});
  }
  const auto together = embedtool::AnalogySolver(model.vectors, index).solve(questions);
  // 8 candidate rows x 3 columns: each batch holds the words of one or two questions.
  const auto apart = embedtool::AnalogySolver(model.vectors, index, 24).solve(questions);
  CHECK(together == apart);
  CHECK(together.size() == questions.size());
}

TEST_CASE("with no row left to answer, a question is answered wrong, not crashed on") {
  const auto model = model_of({{"a", {1, 0}}, {"b", {0, 1}}, {"c", {1, 1}}});
  const std::vector<AnalogySection> sections = {{"s", {ask("a", "b", "c", "a")}}};
  const auto result = evaluate_analogies(model, sections, 3);
  CHECK(result.overall.answered() == 1);
  CHECK(result.overall.correct == 0);
}

TEST_CASE("a word the model lacks is answered through its n-gram vector, when it has one") {
  // "kingly" is not a word of the model; its "n-gram vector" points where king does, so
  // man : woman :: kingly : queen is answered as man : woman :: king : queen is (king is a
  // candidate then, but queen scores higher). An answer d the model lacks cannot be found.
  const embedtool::SubwordVectorOf subword_of =
      [](std::string_view word) -> std::optional<Eigen::RowVectorXf> {
    if (word == "kingly") return Eigen::RowVectorXf{{3, 0, 3, 0}};
    if (word == "MAN-ish") return Eigen::RowVectorXf{{1, 0, 0, 0}};
    return std::nullopt;  // no n-gram kept a row
  };
  const std::vector<AnalogySection> sections = {
      {"s",
       {ask("man", "woman", "kingly", "queen"), ask("MAN-ish", "woman", "kingly", "queen"),
        ask("man", "woman", "unicorn", "queen"), ask("man", "woman", "king", "kingly"),
        ask("man", "woman", "king", "queen")}}};
  const auto result = evaluate_analogies(royal_model(), sections, 100, subword_of);
  CHECK(result.overall.questions == 5);
  CHECK(result.overall.skipped == 2);  // unicorn has no vector; the answer d must be a word
  CHECK(result.overall.answered() == 3);
  CHECK(result.overall.through_subwords == 2);
  CHECK(result.overall.correct == 3);
  // Without n-grams those questions are skipped, as before.
  const auto words_only = evaluate_analogies(royal_model(), sections, 100);
  CHECK(words_only.overall.skipped == 4);
  CHECK(words_only.overall.through_subwords == 0);
}

TEST_CASE("a word of the model beyond --restrict is skipped, not answered through n-grams") {
  // king is the model's 5th word: with 4 searched it is outside, and it has a row, so its
  // n-grams do not stand in for it (gensim's restrict_vocab rule holds for the model's words).
  const embedtool::SubwordVectorOf subword_of = [](std::string_view) {
    return std::optional<Eigen::RowVectorXf>(Eigen::RowVectorXf{{1, 0, 1, 0}});
  };
  const std::vector<AnalogySection> sections = {{"s", {ask("man", "woman", "king", "queen")}}};
  const auto result = evaluate_analogies(royal_model(), sections, 4, subword_of);
  CHECK(result.overall.skipped == 1);
  CHECK(result.overall.through_subwords == 0);
}

TEST_CASE("the solver takes outside question words from their own matrix") {
  const auto model = royal_model();
  const embedtool::CaseInsensitiveIndex index(model.vocabulary, 100);
  const embedtool::AnalogySolver solver(model.vectors, index);
  // Row end_row() is the first outside word: king's direction, at another length.
  embedtool::Matrix outside(1, 4);
  outside << 5, 0, 5, 0;
  const embedtool::WordId kingly = index.end_row();
  const embedtool::WordId man = 2, woman = 3, queen = 4, king = 6;
  const std::vector<embedtool::AnalogyTriple> questions = {{man, woman, kingly},
                                                           {man, woman, king}};
  const auto answers = solver.solve(questions, outside);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0] == queen);
  CHECK(answers[1] == queen);
  // woman : man :: queen : ? is king also when queen is asked by an outside copy of its vector
  // (queen, no longer left out, is a candidate then, but scores lower).
  embedtool::Matrix queen_copy(1, 4);
  queen_copy << 1, 0.8f, 0.8f, 0;
  const std::vector<embedtool::AnalogyTriple> by_copy = {{woman, man, index.end_row()}};
  CHECK(solver.solve(by_copy, queen_copy)[0] == king);
}

TEST_CASE("each question's outcome is recorded in file order: correct, wrong or skipped") {
  const std::vector<AnalogySection> sections = {
      {"royal",
       {ask("man", "woman", "king", "queen"),      // correct
        ask("man", "woman", "unicorn", "queen"),   // unicorn unknown: skipped
        ask("man", "woman", "king", "prince"),     // queen answers: wrong
        ask("woman", "man", "queen", "king")}},    // correct
      {"none", {}}};
  const auto result = evaluate_analogies(royal_model(), sections, 100);
  REQUIRE(result.sections.size() == 2);
  CHECK(result.sections[0].outcomes == "cswc");
  CHECK(result.sections[1].outcomes.empty());
}
