// One normalization for --normalize, nearest neighbours and analogies: unit length, except that
// a vector with no direction is left alone instead of turning into NaN.
#include "embedtool/query/unit_length.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace embedtool;

TEST_CASE("a vector is scaled to unit length and keeps its direction") {
  Eigen::RowVectorXf row(2);
  row << 3, -4;
  scale_to_unit_length(row);
  CHECK(row[0] == doctest::Approx(0.6));
  CHECK(row[1] == doctest::Approx(-0.8));
  Eigen::VectorXd wide = Eigen::Vector3d(0, 0, -2.5);
  scale_to_unit_length(wide);
  CHECK(wide == Eigen::Vector3d(0, 0, -1));
}

TEST_CASE("a zero vector stays zero, and a NaN vector is left as it is") {
  Eigen::RowVectorXf zero = Eigen::RowVectorXf::Zero(3);
  scale_to_unit_length(zero);
  CHECK(zero.isZero(0));
  Eigen::RowVectorXf nan(2);
  nan << std::numeric_limits<float>::quiet_NaN(), 1;
  scale_to_unit_length(nan);
  CHECK(std::isnan(nan[0]));
  CHECK(nan[1] == 1);  // not divided by a NaN length
}

TEST_CASE("normalize_rows scales each row of a matrix on its own") {
  Matrix rows(3, 2);
  rows << 0, 2,  //
      0, 0,      // a zero row, like <pad> in a trained model
      -1, 1;
  normalize_rows(rows);
  CHECK(rows(0, 0) == 0);
  CHECK(rows(0, 1) == 1);
  CHECK(rows.row(1).isZero(0));
  CHECK(rows(2, 0) == doctest::Approx(-std::sqrt(0.5)));
  CHECK(rows(2, 1) == doctest::Approx(std::sqrt(0.5)));
  CHECK(rows.row(2).norm() == doctest::Approx(1));
}
