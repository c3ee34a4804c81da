#include <doctest/doctest.h>

#include <cmath>

#include "embedtool/training/subsampling.h"

namespace embedtool {
namespace {

TEST_CASE("subsampling: word2vec's keep probability (sqrt(f/t) + 1) * t / f, capped at 1") {
  const double t = 1e-3;
  // f = 0.1: (sqrt(100) + 1) * 0.01 = 0.11
  CHECK(keep_probability(100, 1000, t) == doctest::Approx(0.11));
  // f = 0.01: (sqrt(10) + 1) * 0.1
  CHECK(keep_probability(10, 1000, t) == doctest::Approx((std::sqrt(10.0) + 1) * 0.1));
  // f = t: (1 + 1) * 1 = 2, capped
  CHECK(keep_probability(1, 1000, t) == 1.0);
  CHECK(keep_probability(1, 1000000, t) == 1.0);   // rarer than t: always kept
  CHECK(keep_probability(100, 1000, 0.0) == 1.0);  // off
  CHECK(keep_probability(0, 1000, t) == 1.0);
}

TEST_CASE("subsampling: a frequent word is kept at the formula's rate, a rare one always") {
  Vocabulary vocabulary;
  const WordId frequent = vocabulary.add("the", 100000);
  const WordId rare = vocabulary.add("aardvark", 10);
  const double t = 1e-3;
  const Subsampler subsampler(vocabulary, t);
  const double p = keep_probability(100000, 100010, t);
  Random random(5);
  constexpr int kTrials = 200000;
  int kept_frequent = 0;
  int kept_rare = 0;
  for (int i = 0; i < kTrials; ++i) {
    kept_frequent += subsampler.keep(frequent, random);
    kept_rare += subsampler.keep(rare, random);
  }
  CHECK(kept_rare == kTrials);
  CHECK(std::abs(kept_frequent - p * kTrials) < 5 * std::sqrt(kTrials * p * (1 - p)));
  // Reserved ids are never dropped here (the trainer removes them before subsampling).
  CHECK(subsampler.keep(kUnknownId, random));
}

}  // namespace
}  // namespace embedtool
