// The agreement rule of the busiest rows (cluster/agreeing_changes.h), on the ranks' moves of a
// row summed as a sync would.
#include <doctest/doctest.h>

#include <vector>

#include "embedtool/cluster/agreeing_changes.h"

namespace agreeing_changes_test {

using namespace embedtool;

// The combined change of one row of 2 floats that the given ranks moved by `moves`.
std::vector<float> combined(const std::vector<std::vector<float>>& moves) {
  std::vector<float> sum(2, 0.0f);
  float moves_squared = 0;
  for (const std::vector<float>& move : moves) {
    float squared = 0;
    row_squared_norms(move.data(), 1, 2, &squared);
    moves_squared += squared;
    sum[0] += move[0];
    sum[1] += move[1];
  }
  scale_by_agreement(sum.data(), &moves_squared, 1, 2);
  return sum;
}

TEST_CASE("equal moves make their mean, orthogonal or opposed ones their sum") {
  const std::vector<float> equal = combined({{1, 2}, {1, 2}, {1, 2}});
  CHECK(equal[0] == doctest::Approx(1.0));
  CHECK(equal[1] == doctest::Approx(2.0));
  const std::vector<float> orthogonal = combined({{1, 0}, {0, 1}});
  CHECK(orthogonal[0] == doctest::Approx(1.0));
  CHECK(orthogonal[1] == doctest::Approx(1.0));
  const std::vector<float> opposed = combined({{1, 0}, {-1, 0}, {2, 0}});
  CHECK(opposed[0] == doctest::Approx(2.0));  // |S|² = 4 < Σ|d|² = 6
  const std::vector<float> alone = combined({{3, 4}, {0, 0}, {0, 0}});
  CHECK(alone[0] == doctest::Approx(3.0));   // one rank moved it: its move stands
  CHECK(alone[1] == doctest::Approx(4.0));
}

TEST_CASE("moves that partly agree are shortened by Σ|d|² / |S|²") {
  // S = (2, 1): |S|² = 5; Σ|d|² = 1 + 2 = 3.
  const std::vector<float> partly = combined({{1, 0}, {1, 1}});
  CHECK(partly[0] == doctest::Approx(2.0 * 3 / 5));
  CHECK(partly[1] == doctest::Approx(1.0 * 3 / 5));
}

TEST_CASE("unmoved rows stay unmoved") {
  std::vector<float> sums = {0, 0, 3, 0};
  const std::vector<float> moves_squared = {0, 3};  // row 1: three equal moves of 1
  scale_by_agreement(sums.data(), moves_squared.data(), 2, 2);
  CHECK(sums[0] == 0.0f);
  CHECK(sums[1] == 0.0f);
  CHECK(sums[2] == doctest::Approx(1.0));
}

}  // namespace agreeing_changes_test
