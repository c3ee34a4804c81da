#include "embedtool/query/spearman.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using embedtool::average_ranks;
using embedtool::spearman_correlation;

TEST_CASE("tied values share the mean of their ranks") {
  CHECK(average_ranks(std::vector<double>{10, 20, 20, 30}) == std::vector<double>{1, 2.5, 2.5, 4});
  CHECK(average_ranks(std::vector<double>{3, 1, 3, 3}) == std::vector<double>{3, 1, 3, 3});
  CHECK(average_ranks(std::vector<double>{-1, 5, 2}) == std::vector<double>{1, 3, 2});
  CHECK(average_ranks(std::vector<double>{}).empty());
}

TEST_CASE("Spearman's rho matches hand-computed values") {
  // Monotone but not linear: rank correlation is exactly 1 (or -1 reversed).
  CHECK(spearman_correlation(std::vector<double>{1, 2, 3}, std::vector<double>{1, 10, 100}) ==
        doctest::Approx(1));
  CHECK(spearman_correlation(std::vector<double>{1, 2, 3}, std::vector<double>{9, 4, 0}) ==
        doctest::Approx(-1));
  // y ranks {1, 2, 3.5, 5, 3.5}: covariance 8, variances 10 and 9.5, so rho = 8 / sqrt(95)
  // (scipy.stats.spearmanr gives 0.8207826816681233).
  CHECK(spearman_correlation(std::vector<double>{1, 2, 3, 4, 5},
                             std::vector<double>{5, 6, 7, 8, 7}) ==
        doctest::Approx(8 / std::sqrt(95.0)).epsilon(1e-12));
  // Ties on both sides: ranks {5, 2.5, 2.5, 6, 1, 4} and {6, 2, 3.5, 5, 1, 3.5};
  // scipy.stats.spearmanr gives 0.8970588235294118.
  CHECK(spearman_correlation(std::vector<double>{7.5, 3, 3, 9, 1, 6},
                             std::vector<double>{0.9, 0.2, 0.4, 0.8, -0.3, 0.4}) ==
        doctest::Approx(0.8970588235294118).epsilon(1e-12));
}

TEST_CASE("Spearman's rho is NaN where it is undefined") {
  CHECK(std::isnan(spearman_correlation(std::vector<double>{}, std::vector<double>{})));
  CHECK(std::isnan(spearman_correlation(std::vector<double>{1}, std::vector<double>{2})));
  CHECK(
      std::isnan(spearman_correlation(std::vector<double>{1, 2, 3}, std::vector<double>{4, 4, 4})));
  CHECK(std::isnan(
      spearman_correlation(std::vector<double>{1, 2, NAN}, std::vector<double>{1, 2, 3})));
}
