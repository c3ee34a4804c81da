// next_autotune_candidate: steps stay in range, leave the settings the user gave alone, and
// shrink as the budget is spent.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "embedtool/training/autotune_search.h"

namespace embedtool {
namespace {

TrainSettings resolved_start() {
  TrainSettings s;
  s.architecture = Architecture::supervised;
  s.loss = "softmax";
  s.learning_rate = 0.25f;
  s.epochs = 20;
  s.output_dim = 100;
  s.word_ngrams = 2;
  s.buckets = 1u << 16;
  return s;
}

TEST_CASE("candidates stay within the ranges and move away from the best") {
  Random random(3);
  const TrainSettings best = resolved_start();
  std::set<std::size_t> dims;
  std::set<int> ngrams;
  int moved = 0;
  for (int i = 0; i < 2000; ++i) {
    const TrainSettings next = next_autotune_candidate(best, {}, 0.0, random);
    CHECK(*next.learning_rate >= 0.01f);
    CHECK(*next.learning_rate <= 2.0f);
    CHECK(*next.epochs >= 1);
    CHECK(*next.epochs <= 100);
    CHECK(*next.word_ngrams >= 1);
    CHECK(*next.word_ngrams <= 4);
    if (*next.word_ngrams > 1) {
      REQUIRE(next.buckets);
      CHECK(*next.buckets >= (1u << 10));
      CHECK(*next.buckets <= (1u << 22));
      CHECK((*next.buckets & (*next.buckets - 1)) == 0);  // a power of two
    }
    dims.insert(*next.output_dim);
    ngrams.insert(*next.word_ngrams);
    if (next.learning_rate != best.learning_rate || next.epochs != best.epochs) ++moved;
  }
  // One step along the ladder at most: at the start of the budget, always one.
  CHECK(dims == std::set<std::size_t>{50, 200});
  CHECK(ngrams == std::set<int>{1, 2, 3});
  CHECK(moved == 2000);
}

TEST_CASE("settings given as flags are never searched") {
  TrainSettings asked;
  asked.output_dim = 30;
  asked.word_ngrams = 3;
  const AutotuneFreedom free = AutotuneFreedom::of(asked);
  CHECK(free.learning_rate);
  CHECK(free.epochs);
  CHECK(free.buckets);
  CHECK_FALSE(free.output_dim);
  CHECK_FALSE(free.word_ngrams);
  TrainSettings best = resolved_start();
  best.output_dim = 30;
  best.word_ngrams = 3;
  Random random(5);
  for (int i = 0; i < 500; ++i) {
    const TrainSettings next = next_autotune_candidate(best, free, 0.5, random);
    CHECK(*next.output_dim == 30);
    CHECK(*next.word_ngrams == 3);
  }
}

TEST_CASE("steps shrink as the budget is spent") {
  const TrainSettings best = resolved_start();
  const auto widest_rate_step = [&](double spent) {
    Random random(9);
    double widest = 0;
    for (int i = 0; i < 2000; ++i) {
      const TrainSettings next = next_autotune_candidate(best, {}, spent, random);
      widest = std::max(widest, std::abs(std::log(static_cast<double>(*next.learning_rate / *best.learning_rate))));
    }
    return widest;
  };
  const double early = widest_rate_step(0.0);
  const double late = widest_rate_step(1.0);
  CHECK(early == doctest::Approx(std::log(4.0)).epsilon(0.05));
  CHECK(late == doctest::Approx(std::log(4.0) / 4).epsilon(0.05));
}

}  // namespace
}  // namespace embedtool
