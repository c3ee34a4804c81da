// The one cosine of lookup --similarity and the word-similarity evaluation.
#include "embedtool/query/cosine.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using embedtool::cosine;

namespace {
Eigen::RowVectorXf row(std::initializer_list<float> values) {
  Eigen::RowVectorXf out(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (const float value : values) out[i++] = value;
  return out;
}
}  // namespace

TEST_CASE("cosine depends on direction, not length") {
  CHECK(cosine(row({1, 2, 3}), row({2, 4, 6})) == doctest::Approx(1));
  CHECK(cosine(row({1, 0}), row({0, 7})) == doctest::Approx(0));
  CHECK(cosine(row({1, 1}), row({-3, -3})) == doctest::Approx(-1));
  CHECK(cosine(row({1, 0}), row({1, 1})) == doctest::Approx(std::sqrt(0.5)));
}

TEST_CASE("cosine is computed in double: exact for rows whose float products would round") {
  // In float, 1e20 squared overflows to infinity and the cosine would be NaN.
  CHECK(cosine(row({1e20f, 1e20f}), row({1e20f, 0})) == doctest::Approx(std::sqrt(0.5)));
  // A tiny angle that float arithmetic would lose: cos = 1 / sqrt(1 + 1e-8).
  CHECK(cosine(row({1, 0}), row({1, 1e-4f})) < 1.0);
}

TEST_CASE("a zero row has cosine 0 with everything, a NaN row has none") {
  CHECK(cosine(row({0, 0}), row({1, 2})) == 0);
  CHECK(cosine(row({1, 2}), row({0, 0})) == 0);
  CHECK(cosine(row({0, 0}), row({0, 0})) == 0);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  CHECK(std::isnan(cosine(row({nan, 1}), row({1, 2}))));
}
