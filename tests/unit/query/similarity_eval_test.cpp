#include "embedtool/query/similarity_eval.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "eval_test_model.h"

using embedtool::evaluate_similarity;
using embedtool::WordPair;
using embedtool::eval_test::model_of;

TEST_CASE("similarity: Spearman over the known pairs, unknown ones counted, case ignored") {
  // Cosines with "cat": dog 0.8, car 0, stone -0.6.
  const auto model =
      model_of({{"cat", {1, 0}}, {"dog", {0.8f, 0.6f}}, {"car", {0, 2}}, {"stone", {-0.6f, 0.8f}}});
  const std::vector<WordPair> pairs = {{"cat", "dog", 9, 1},
                                       {"CAT", "Car", 3, 2},
                                       {"cat", "unicorn", 8, 3},
                                       {"cat", "stone", 1, 4},
                                       {"dragon", "dog", 5, 5}};
  const auto result = evaluate_similarity(model, pairs);
  CHECK(result.pairs == 5);
  CHECK(result.used == 3);
  CHECK(result.skipped == 2);
  CHECK(result.skipped_share() == doctest::Approx(0.4));
  // Same order on both sides.
  CHECK(result.spearman == doctest::Approx(1));
}

TEST_CASE("similarity: ties in human scores get average ranks") {
  const auto model = model_of(
      {{"a", {1, 0}}, {"b", {0.8f, 0.6f}}, {"c", {0, 1}}, {"d", {-0.6f, 0.8f}}, {"e", {-1, 0}}});
  // Cosines with "a": b 0.8, c 0, d -0.6, e -1 -> ranks 4 3 2 1; humans 5 5 1 2 -> 3.5 3.5 1 2.
  // Pearson of those ranks: covariance 3.5, variances 4.5 and 5, so rho = 3.5 / sqrt(22.5)
  // (scipy.stats.spearmanr: 0.7378647873726218).
  const std::vector<WordPair> pairs = {
      {"a", "b", 5, 1}, {"a", "c", 5, 2}, {"a", "d", 1, 3}, {"a", "e", 2, 4}};
  CHECK(evaluate_similarity(model, pairs).spearman ==
        doctest::Approx(3.5 / std::sqrt(22.5)).epsilon(1e-12));
}

TEST_CASE("similarity: fewer than two known pairs give no correlation") {
  const auto model = model_of({{"a", {1, 0}}, {"b", {0, 1}}});
  const std::vector<WordPair> pairs = {{"a", "b", 5, 1}, {"a", "x", 5, 2}};
  const auto result = evaluate_similarity(model, pairs);
  CHECK(result.used == 1);
  CHECK(result.skipped == 1);
  CHECK(std::isnan(result.spearman));
}

TEST_CASE("similarity: words the model lacks take their subword vectors when it has some") {
  const auto model = model_of({{"cat", {1, 0}}, {"dog", {0.8f, 0.6f}}, {"stone", {-0.6f, 0.8f}}});
  // "kitten" is known only through n-grams, near "cat"; "zzz" has none.
  const embedtool::SubwordVectorOf subword_of =
      [](std::string_view word) -> std::optional<Eigen::RowVectorXf> {
    if (word != "kitten") return std::nullopt;
    Eigen::RowVectorXf vector(2);
    vector << 0.9f, 0.1f;
    return vector;
  };
  const std::vector<WordPair> pairs = {{"cat", "dog", 8, 1},
                                       {"cat", "kitten", 9, 2},
                                       {"cat", "stone", 1, 3},
                                       {"zzz", "cat", 5, 4}};
  const auto with = evaluate_similarity(model, pairs, subword_of);
  CHECK(with.used == 3);
  CHECK(with.through_subwords == 1);
  CHECK(with.skipped == 1);
  CHECK(with.spearman == doctest::Approx(1));  // kitten 0.99 > dog 0.8 > stone -0.6
  const auto without = evaluate_similarity(model, pairs);
  CHECK(without.used == 2);
  CHECK(without.through_subwords == 0);
}
