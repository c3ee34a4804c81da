#include "embedtool/classify/top_labels.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace embedtool;

namespace {

std::vector<std::size_t> labels_of(const std::vector<float>& log_p, TopLabelsOptions options) {
  std::vector<LabelScore> out;
  top_labels(log_p, options, out);
  std::vector<std::size_t> labels;
  for (const LabelScore& score : out) labels.push_back(score.label);
  return labels;
}

const std::vector<float> kLogP = {std::log(0.1f), std::log(0.6f), std::log(0.1f), std::log(0.2f)};

}  // namespace

TEST_CASE("best first; equal probabilities in class order") {
  CHECK(labels_of(kLogP, {1, 0}) == std::vector<std::size_t>{1});
  CHECK(labels_of(kLogP, {3, 0}) == std::vector<std::size_t>{1, 3, 0});
  CHECK(labels_of(kLogP, {kAllLabels, 0}) == std::vector<std::size_t>{1, 3, 0, 2});
  CHECK(labels_of(kLogP, {9, 0}).size() == 4);
}

TEST_CASE("probabilities are exp of the log-probabilities") {
  std::vector<LabelScore> out;
  top_labels(kLogP, {2, 0}, out);
  CHECK(out[0].probability == doctest::Approx(0.6));
  CHECK(out[1].probability == doctest::Approx(0.2));
}

TEST_CASE("the threshold keeps labels at least that probable, whatever k") {
  CHECK(labels_of(kLogP, {kAllLabels, 0.15}) == std::vector<std::size_t>{1, 3});
  CHECK(labels_of(kLogP, {1, 0.15}) == std::vector<std::size_t>{1});
  CHECK(labels_of(kLogP, {kAllLabels, 0.7}).empty());
  CHECK(labels_of(kLogP, {kAllLabels, 0.6}) == std::vector<std::size_t>{1});
}

TEST_CASE("a NaN log-probability (diverged weights) is never predicted; -inf only without threshold") {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float minus_inf = -std::numeric_limits<float>::infinity();
  CHECK(labels_of({nan, std::log(0.5f), minus_inf}, {kAllLabels, 0}) ==
        std::vector<std::size_t>{1, 2});
  CHECK(labels_of({nan, std::log(0.5f), minus_inf}, {kAllLabels, 1e-30}) ==
        std::vector<std::size_t>{1});
  CHECK(labels_of({}, {1, 0}).empty());
}
