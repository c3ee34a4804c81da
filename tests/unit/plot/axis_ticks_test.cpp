// Ticks a person would mark on a ruler: steps of 1, 2 or 5 x 10^k, ends on a tick, plain labels.
#include "embedtool/plot/axis_ticks.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace embedtool;

namespace axis_ticks_test {

// Every step is 1, 2 or 5 times a power of ten, and the ticks are whole steps apart.
void check_round_steps(const AxisTicks& ticks) {
  const double mantissa = ticks.step / std::pow(10.0, std::floor(std::log10(ticks.step) + 1e-9));
  CHECK((std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
         std::abs(mantissa - 5) < 1e-9));
  REQUIRE(ticks.values.size() == ticks.labels.size());
  REQUIRE(ticks.values.size() >= 2);
  CHECK(ticks.values.front() == doctest::Approx(ticks.low));
  CHECK(ticks.values.back() == doctest::Approx(ticks.high));
  for (std::size_t i = 1; i < ticks.values.size(); ++i)
    CHECK(ticks.values[i] - ticks.values[i - 1] == doctest::Approx(ticks.step));
}

}  // namespace axis_ticks_test

using namespace axis_ticks_test;

TEST_CASE("a loss from 0.83 to 1.97 is marked every 0.2, from 0.8 to 2.0") {
  const AxisTicks ticks = choose_ticks(0.83, 1.97, 5);
  check_round_steps(ticks);
  CHECK(ticks.step == doctest::Approx(0.2));
  CHECK(ticks.low == doctest::Approx(0.8));
  CHECK(ticks.high == doctest::Approx(2.0));
  CHECK(ticks.labels == std::vector<std::string>{"0.8", "1.0", "1.2", "1.4", "1.6", "1.8", "2.0"});
}

TEST_CASE("the ends are widened to whole steps, never narrowed") {
  for (const auto& [low, high] : {std::pair{0.3, 0.7}, {-13.0, 87.0}, {0.0012, 0.0251},
                                  {1e-9, 3e-9}, {0.0, 886920.0}, {-1.0, -0.25}}) {
    CAPTURE(low);
    CAPTURE(high);
    const AxisTicks ticks = choose_ticks(low, high, 5);
    check_round_steps(ticks);
    CHECK(ticks.low <= low + 1e-12);  // 3 x 0.1 is 0.30000000000000004
    CHECK(ticks.high >= high - 1e-12);
    // Not widened by more than a step on either side.
    CHECK(low - ticks.low < ticks.step * (1 + 1e-9));
    CHECK(ticks.high - high < ticks.step * (1 + 1e-9));
    // About as many ticks as asked: 5 +- 3.
    CHECK(ticks.values.size() >= 3);
    CHECK(ticks.values.size() <= 8);
  }
}

TEST_CASE("0.3 / 0.1 is not 2.999...: a tick at the data's end stays there") {
  const AxisTicks ticks = choose_ticks(0.3, 0.9, 6);
  CHECK(ticks.step == doctest::Approx(0.1));
  CHECK(ticks.low == doctest::Approx(0.3));
  CHECK(ticks.high == doctest::Approx(0.9));
}

TEST_CASE("reversed ends and a single value") {
  CHECK(choose_ticks(10, 0, 5).low == 0);
  const AxisTicks one = choose_ticks(0.5, 0.5, 5);
  check_round_steps(one);
  CHECK(one.low < 0.5);
  CHECK(one.high > 0.5);
  const AxisTicks zero = choose_ticks(0, 0, 5);
  CHECK(zero.low < 0);
  CHECK(zero.high > 0);
}

TEST_CASE("an axis of whole epochs never steps by less than 1") {
  const AxisTicks ticks = choose_ticks(0, 2, 8, 1);
  CHECK(ticks.step == 1);
  CHECK(ticks.labels == std::vector<std::string>{"0", "1", "2"});
  CHECK(choose_ticks(0, 1, 8, 1).labels == std::vector<std::string>{"0", "1"});
  CHECK(choose_ticks(0, 40, 8, 1).step == 5);
}

TEST_CASE("labels in plain numbers: decimals as the step needs, k/M/G for large steps") {
  CHECK(tick_label(0.005, 0.005) == "0.005");
  CHECK(tick_label(0.01, 0.005) == "0.010");
  CHECK(tick_label(2e-5, 1e-5) == "0.00002");
  CHECK(tick_label(1.5, 0.5) == "1.5");
  CHECK(tick_label(20, 10) == "20");
  CHECK(tick_label(-1e-17, 0.1) == "0.0");  // never "-0.0"
  CHECK(tick_label(0, 200000) == "0");
  CHECK(tick_label(600000, 200000) == "0.6M");
  CHECK(tick_label(1500000, 500000) == "1.5M");
  CHECK(tick_label(4000, 1000) == "4k");
  CHECK(tick_label(250000, 50000) == "250k");
  CHECK(tick_label(3e9, 1e9) == "3G");
  // No label is in exponent form.
  for (const double step : {1e-7, 1e-3, 1.0, 1e4, 1e7, 1e10}) {
    const AxisTicks ticks = choose_ticks(0, step * 5, 5);
    for (const std::string& label : ticks.labels) {
      CAPTURE(label);
      CHECK(label.find('e') == std::string::npos);
    }
  }
}
