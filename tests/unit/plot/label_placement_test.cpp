// Greedy label placement: whatever the crowd, no two labels overlap and none leaves the area.
#include "embedtool/plot/label_placement.h"

#include <doctest/doctest.h>

#include <random>
#include <vector>

using namespace embedtool;

namespace label_placement_test {

void check_no_overlap(const std::vector<std::optional<Box>>& boxes, const Box& area) {
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    if (!boxes[i]) continue;
    CAPTURE(i);
    CHECK(area.contains(*boxes[i]));
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      if (!boxes[j]) continue;
      CAPTURE(j);
      CHECK_FALSE(boxes[i]->overlaps(*boxes[j]));
    }
  }
}

std::size_t placed(const std::vector<std::optional<Box>>& boxes) {
  std::size_t count = 0;
  for (const auto& box : boxes) count += box.has_value();
  return count;
}

}  // namespace label_placement_test

using namespace label_placement_test;

TEST_CASE("boxes that touch do not overlap") {
  const Box a{0, 0, 10, 10};
  CHECK_FALSE(a.overlaps({10, 0, 5, 5}));
  CHECK_FALSE(a.overlaps({0, 10, 5, 5}));
  CHECK(a.overlaps({9.5, 9.5, 5, 5}));
  CHECK(a.overlaps({2, 2, 1, 1}));  // inside
}

TEST_CASE("a lone label sits right of its point, centred on it") {
  PlacementOptions options;
  options.area = {0, 0, 400, 300};
  const std::vector<LabelRequest> labels = {{{100, 100}, 40, 14}};
  const auto boxes = place_labels(labels, options);
  REQUIRE(boxes[0]);
  CHECK(boxes[0]->x == doctest::Approx(100 + options.gap));
  CHECK(boxes[0]->y == doctest::Approx(100 - 7));
}

TEST_CASE("at the right edge a label goes left of its point") {
  PlacementOptions options;
  options.area = {0, 0, 400, 300};
  const std::vector<LabelRequest> labels = {{{390, 100}, 40, 14}};
  const auto boxes = place_labels(labels, options);
  REQUIRE(boxes[0]);
  CHECK(boxes[0]->right() == doctest::Approx(390 - options.gap));
}

TEST_CASE("ten labels on one point all find room around it") {
  PlacementOptions options;
  options.area = {0, 0, 600, 400};
  const std::vector<LabelRequest> labels(10, LabelRequest{{300, 200}, 60, 14});
  const auto boxes = place_labels(labels, options);
  CHECK(placed(boxes) == 10);
  check_no_overlap(boxes, options.area);
}

TEST_CASE("a crowded map: 400 labels of many widths on 300 x 200 pixels") {
  std::mt19937 random(15);
  std::uniform_real_distribution<double> x(0, 300);
  std::uniform_real_distribution<double> y(0, 200);
  std::uniform_real_distribution<double> width(10, 90);
  std::vector<LabelRequest> labels;
  for (int i = 0; i < 400; ++i) labels.push_back({{x(random), y(random)}, width(random), 14.4});
  PlacementOptions options;
  options.area = {0, 0, 300, 200};
  const auto boxes = place_labels(labels, options);
  check_no_overlap(boxes, options.area);
  // The area holds about 60 labels side by side: most must be left out, but not all.
  CHECK(placed(boxes) > 25);
  CHECK(placed(boxes) < 400);
  // The first label always gets its place.
  CHECK(boxes[0].has_value());
}

TEST_CASE("a spacious map places every label and keeps them off the other points") {
  // A 10 x 10 grid of points 60 pixels apart, short labels.
  std::vector<LabelRequest> labels;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j) labels.push_back({{30.0 + 60 * i, 30.0 + 60 * j}, 30, 14});
  PlacementOptions options;
  options.area = {0, 0, 600, 600};
  const auto boxes = place_labels(labels, options);
  CHECK(placed(boxes) == 100);
  check_no_overlap(boxes, options.area);
  for (const auto& box : boxes)
    for (const LabelRequest& label : labels)
      CHECK_FALSE(box->overlaps({label.anchor.x - 3, label.anchor.y - 3, 6, 6}));
}

TEST_CASE("a label wider than the area is left out, not drawn outside") {
  PlacementOptions options;
  options.area = {0, 0, 100, 100};
  const std::vector<LabelRequest> labels = {{{50, 50}, 150, 14}, {{50, 50}, 20, 14}};
  const auto boxes = place_labels(labels, options);
  CHECK_FALSE(boxes[0].has_value());
  CHECK(boxes[1].has_value());
}
