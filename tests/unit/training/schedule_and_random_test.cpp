#include <doctest/doctest.h>

#include <set>

#include "embedtool/training/learning_rate.h"
#include "embedtool/training/random.h"

namespace embedtool {
namespace {

TEST_CASE("learning rate: linear from the start down to start * 1e-4") {
  const LinearDecay rate(0.5f, 1000);
  CHECK(rate.at(0) == doctest::Approx(0.5));
  CHECK(rate.at(500) == doctest::Approx(0.5 * (1 - 0.5 * (1 - 1e-4))));
  CHECK(rate.at(1000) == doctest::Approx(0.5e-4));
  CHECK(rate.at(5000) == doctest::Approx(0.5e-4));  // a source that grew: never below the floor
  CHECK(rate.at(250) - rate.at(500) == doctest::Approx(rate.at(500) - rate.at(750)));
}

TEST_CASE("random: a seed fixes the sequence") {
  Random a(5);
  Random b(5);
  Random c(6);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    CHECK(x == b.next_u64());
    differs = differs || x != c.next_u64();
  }
  CHECK(differs);
}

TEST_CASE("random: ranges") {
  Random random(0);  // seed 0 is fine: splitmix64 fills the state
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const float unit = random.next_unit_float();
    CHECK(unit >= 0.0f);
    CHECK(unit < 1.0f);
    const auto below = random.next_below(5);
    CHECK(below < 5);
    seen.insert(below);
  }
  CHECK(seen.size() == 5);
}

}  // namespace
}  // namespace embedtool
