#include "embedtool/query/nearest.h"

#include <doctest/doctest.h>

#include <vector>

using embedtool::Matrix;
using embedtool::NearestIndex;
using embedtool::WordId;

namespace {
// Rows 0 and 1 are the reserved ids; words start at row 2.
Matrix small_matrix() {
  Matrix vectors(6, 2);
  vectors << 1, 0,    // <pad>: identical to the query below, and must never be returned
      1, 0,           // <unk>: likewise
      1, 0.1f,        // 2: nearly the query's direction
      -1, 0,          // 3: opposite
      0, 5,           // 4: orthogonal, long
      2, 0.2f;        // 5: same direction as 2, twice as long
  return vectors;
}
}  // namespace

TEST_CASE("nearest ranks rows by cosine and skips the reserved rows") {
  const NearestIndex index(small_matrix());
  const Eigen::VectorXf query = Eigen::Vector2f(3, 0);
  const auto found = index.nearest(query, 10);
  REQUIRE(found.size() == 4);
  // Rows 2 and 5 have the same direction: equal cosine, so the lower id comes first.
  CHECK(found[0].id == 2);
  CHECK(found[1].id == 5);
  CHECK(found[0].similarity == doctest::Approx(1 / std::sqrt(1.01f)));
  CHECK(found[2].id == 4);
  CHECK(found[2].similarity == doctest::Approx(0));
  CHECK(found[3].id == 3);
  CHECK(found[3].similarity == doctest::Approx(-1));
}

TEST_CASE("nearest honours k and the exclusion list") {
  const NearestIndex index(small_matrix());
  const Eigen::VectorXf query = Eigen::Vector2f(1, 0);
  const std::vector<WordId> exclude = {2};
  const auto found = index.nearest(query, 2, exclude);
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == 5);
  CHECK(found[1].id == 4);
  CHECK(index.nearest(query, 0).empty());
}

TEST_CASE("a zero query has no neighbours") {
  const NearestIndex index(small_matrix());
  CHECK(index.nearest(Eigen::VectorXf::Zero(2), 3).empty());
}
