#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "embedtool/formats/number_parsing.h"
#include "embedtool/storage/float_text.h"

using namespace embedtool;

TEST_CASE("parse_float32 takes what other tools print and nothing more") {
  CHECK(parse_float32("0.25") == 0.25f);
  CHECK(parse_float32("+1.5") == 1.5f);
  CHECK(parse_float32("-1E-05") == -1e-5f);
  CHECK(parse_float32("1.000000000000000000e+00") == 1.0f);  // numpy.savetxt
  CHECK(std::isinf(*parse_float32("inf")));
  CHECK(std::isnan(*parse_float32("nan")));
  CHECK(parse_float32("1e-50") == 0.0f);
  CHECK(std::signbit(*parse_float32("-1e-400")));
  CHECK(parse_float32("1e-45") == std::numeric_limits<float>::denorm_min());
  CHECK_FALSE(parse_float32(""));
  CHECK_FALSE(parse_float32("+"));
  CHECK_FALSE(parse_float32("++1"));
  CHECK_FALSE(parse_float32("1,5"));
  CHECK_FALSE(parse_float32("0x10"));
  CHECK_FALSE(parse_float32("1.5f"));
  CHECK_FALSE(parse_float32(" 1"));
  CHECK_FALSE(parse_float32("1e39"));
  CHECK_FALSE(parse_float32("-1e400"));
}

TEST_CASE("printed floats read back bit for bit") {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::uint32_t> bits;
  for (int i = 0; i < 100000; ++i) {
    const float value = std::bit_cast<float>(bits(random));
    if (std::isnan(value)) continue;
    std::string text;
    append_float(text, value);  // the printer every text writer uses (storage/float_text.h)
    const auto back = parse_float32(text);
    REQUIRE(back);
    REQUIRE(std::bit_cast<std::uint32_t>(*back) == std::bit_cast<std::uint32_t>(value));
  }
}

TEST_CASE("parse_count") {
  CHECK(parse_count("3000000") == 3000000u);
  CHECK_FALSE(parse_count("-1"));
  CHECK_FALSE(parse_count("12a"));
  CHECK_FALSE(parse_count("99999999999999999999"));
}
