#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/noise_distribution.h"

namespace embedtool {
namespace {

TEST_CASE("noise distribution: the table encodes count^0.75, normalised") {
  const std::vector<std::uint64_t> counts{1000, 300, 50, 7, 0, 1, 300};
  const NoiseDistribution noise(counts);
  double total = 0;
  for (const std::uint64_t c : counts) total += std::pow(static_cast<double>(c), 0.75);
  double sum = 0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    CAPTURE(k);
    const double expected = std::pow(static_cast<double>(counts[k]), 0.75) / total;
    CHECK(noise.probability(k) == doctest::Approx(expected).epsilon(1e-6));
    sum += noise.probability(k);
  }
  CHECK(sum == doctest::Approx(1.0).epsilon(1e-9));
}

TEST_CASE("noise distribution: draws follow unigram^0.75 within sampling error") {
  const std::vector<std::uint64_t> counts{5000, 1200, 300, 80, 20, 5, 1, 0};
  const NoiseDistribution noise(counts);
  double total = 0;
  for (const std::uint64_t c : counts) total += std::pow(static_cast<double>(c), 0.75);
  constexpr int kDraws = 1000000;
  std::vector<int> seen(counts.size(), 0);
  Random random(17);
  for (int i = 0; i < kDraws; ++i) ++seen[noise.draw(random)];
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const double p = std::pow(static_cast<double>(counts[k]), 0.75) / total;
    const double expected = p * kDraws;
    const double sigma = std::sqrt(kDraws * p * (1 - p));
    CAPTURE(k);
    CAPTURE(expected);
    CHECK(std::abs(seen[k] - expected) <= 5 * sigma + 1);
  }
  CHECK(seen.back() == 0);  // a count of 0 is never drawn
}

TEST_CASE("noise distribution: all counts 0 is uniform; one class is always drawn") {
  const NoiseDistribution uniform(std::vector<std::uint64_t>{0, 0, 0, 0});
  for (std::size_t k = 0; k < 4; ++k) CHECK(uniform.probability(k) == doctest::Approx(0.25));
  const NoiseDistribution single(std::vector<std::uint64_t>{9});
  Random random(1);
  for (int i = 0; i < 100; ++i) CHECK(single.draw(random) == 0);
}

TEST_CASE("noise distribution: other exponents (--ns-exponent): 0 is uniform, 1 the counts") {
  const std::vector<std::uint64_t> counts{900, 100, 0, 25};
  for (const double power : {0.0, 0.5, 1.0, -0.5}) {
    CAPTURE(power);
    const NoiseDistribution noise(counts, power);
    double total = 0;
    for (const std::uint64_t c : counts)
      if (c > 0) total += std::pow(static_cast<double>(c), power);
    for (std::size_t k = 0; k < counts.size(); ++k) {
      CAPTURE(k);
      const double expected =
          counts[k] == 0 ? 0.0 : std::pow(static_cast<double>(counts[k]), power) / total;
      CHECK(noise.probability(k) == doctest::Approx(expected).epsilon(1e-6));
    }
  }
}

}  // namespace
}  // namespace embedtool
