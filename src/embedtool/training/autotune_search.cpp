#include "embedtool/training/autotune_search.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace embedtool {
namespace {

constexpr float kMinRate = 0.01f;
constexpr float kMaxRate = 2.0f;
constexpr int kMaxEpochs = 100;
constexpr std::array<std::size_t, 6> kDims = {10, 20, 50, 100, 200, 300};
constexpr int kMaxWordNgrams = 4;
constexpr int kMinBucketsLog2 = 10;
constexpr int kMaxBucketsLog2 = 22;

// Uniform in [-1, 1).
double symmetric(Random& random) { return 2.0 * random.next_unit_float() - 1.0; }

// A step of -1, 0 or +1, non-zero with probability `reach`.
int step(double reach, Random& random) {
  if (random.next_unit_float() >= reach) return 0;
  return random.next_below(2) == 0 ? -1 : 1;
}

std::size_t nearest_dim_index(std::size_t dim) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < kDims.size(); ++i) {
    const auto distance = [dim](std::size_t d) { return d > dim ? d - dim : dim - d; };
    if (distance(kDims[i]) < distance(kDims[best])) best = i;
  }
  return best;
}

int log2_of(std::uint64_t value) {
  int log2 = 0;
  while (log2 < 63 && (std::uint64_t{1} << (log2 + 1)) <= value) ++log2;
  return log2;
}

TrainSettings moved(const TrainSettings& best, const AutotuneFreedom& free, double reach,
                    Random& random) {
  TrainSettings next = best;
  if (free.learning_rate) {
    const double factor = std::exp(symmetric(random) * reach * std::log(4.0));
    next.learning_rate = std::clamp(static_cast<float>(*best.learning_rate * factor), kMinRate,
                                    kMaxRate);
  }
  if (free.epochs) {
    const double factor = std::exp(symmetric(random) * reach * std::log(3.0));
    next.epochs = std::clamp(static_cast<int>(std::lround(*best.epochs * factor)), 1, kMaxEpochs);
  }
  if (free.output_dim) {
    const auto index = static_cast<int>(nearest_dim_index(*best.output_dim)) + step(reach, random);
    next.output_dim = kDims[static_cast<std::size_t>(
        std::clamp(index, 0, static_cast<int>(kDims.size()) - 1))];
  }
  if (free.word_ngrams)
    next.word_ngrams = std::clamp(*best.word_ngrams + step(reach / 2, random), 1, kMaxWordNgrams);
  // Without buckets yet (best has words alone), resolve_settings sizes them from the corpus.
  if (free.buckets && *next.word_ngrams > 1 && best.buckets) {
    const int log2 = std::clamp(log2_of(*best.buckets) + step(reach, random), kMinBucketsLog2,
                                kMaxBucketsLog2);
    next.buckets = std::uint64_t{1} << log2;
  }
  return next;
}

bool same_search_values(const TrainSettings& a, const TrainSettings& b) {
  return a.learning_rate == b.learning_rate && a.epochs == b.epochs &&
         a.output_dim == b.output_dim && a.word_ngrams == b.word_ngrams && a.buckets == b.buckets;
}

}  // namespace

AutotuneFreedom AutotuneFreedom::of(const TrainSettings& asked) {
  AutotuneFreedom free;
  free.learning_rate = !asked.learning_rate;
  free.epochs = !asked.epochs;
  free.output_dim = !asked.output_dim;
  free.word_ngrams = !asked.word_ngrams;
  free.buckets = !asked.buckets;
  return free;
}

TrainSettings next_autotune_candidate(const TrainSettings& best, const AutotuneFreedom& free,
                                      double spent, Random& random) {
  const double reach = 1.0 - 0.75 * std::clamp(spent, 0.0, 1.0);
  const bool any_free =
      free.learning_rate || free.epochs || free.output_dim || free.word_ngrams || free.buckets;
  // A draw can land on `best` again (every step zero, or clamped at a bound); retrying a few
  // times finds a new point almost always, and the learning rate, if free, always moves.
  TrainSettings next = moved(best, free, reach, random);
  for (int attempt = 0; any_free && same_search_values(next, best) && attempt < 16; ++attempt)
    next = moved(best, free, reach, random);
  return next;
}

}  // namespace embedtool
