#include "embedtool/plot/label_placement.h"

#include <algorithm>

namespace embedtool {

namespace {

// The directions a label tries from its point, nearest first: (dx, dy) of the box's side that
// faces the point; 0 centres the box on the point along that axis. Diagonals step back by
// 1/sqrt(2) so that their corner is as far from the point as the straight positions' sides.
struct Direction {
  double dx;
  double dy;
};
constexpr Direction kDirections[] = {{1, 0},         {-1, 0},        {0, -1},
                                     {0, 1},         {0.71, -0.71},  {0.71, 0.71},
                                     {-0.71, -0.71}, {-0.71, 0.71}};

// How many rings further out a label looks for a position that covers no marker, once it has
// one that covers no label.
constexpr int kMarkerDetourRings = 2;

Box candidate_box(const LabelRequest& label, const Direction& direction, double distance) {
  Box box{0, 0, label.width, label.height};
  const double dx = direction.dx * distance;
  const double dy = direction.dy * distance;
  box.x = direction.dx > 0   ? label.anchor.x + dx
          : direction.dx < 0 ? label.anchor.x + dx - label.width
                             : label.anchor.x - label.width / 2;
  box.y = direction.dy > 0   ? label.anchor.y + dy
          : direction.dy < 0 ? label.anchor.y + dy - label.height
                             : label.anchor.y - label.height / 2;
  return box;
}

bool overlaps_any(const Box& box, const std::vector<Box>& others) {
  return std::any_of(others.begin(), others.end(),
                     [&box](const Box& other) { return box.overlaps(other); });
}

}  // namespace

std::vector<std::optional<Box>> place_labels(std::span<const LabelRequest> labels,
                                             const PlacementOptions& options) {
  std::vector<Box> markers;
  markers.reserve(labels.size());
  const double r = options.marker_radius;
  for (const LabelRequest& label : labels)
    markers.push_back({label.anchor.x - r, label.anchor.y - r, 2 * r, 2 * r});

  std::vector<Box> placed;
  std::vector<std::optional<Box>> boxes;
  boxes.reserve(labels.size());
  for (const LabelRequest& label : labels) {
    std::optional<Box> clear_of_labels;  // the first position that covers no label
    int clear_of_labels_ring = 0;
    std::optional<Box> clear_of_all;     // ... and no marker either
    for (int ring = 0; ring <= options.rings && !clear_of_all; ++ring) {
      // A label that covers a marker next to its point reads better than one far from it.
      if (clear_of_labels && ring > clear_of_labels_ring + kMarkerDetourRings) break;
      const double distance = options.gap + ring * label.height / 2;
      for (const Direction& direction : kDirections) {
        const Box box = candidate_box(label, direction, distance);
        if (!options.area.contains(box) || overlaps_any(box, placed)) continue;
        if (!clear_of_labels) {
          clear_of_labels = box;
          clear_of_labels_ring = ring;
        }
        if (!overlaps_any(box, markers)) {
          clear_of_all = box;
          break;
        }
      }
    }
    const std::optional<Box> chosen = clear_of_all ? clear_of_all : clear_of_labels;
    if (chosen) placed.push_back(*chosen);
    boxes.push_back(chosen);
  }
  return boxes;
}

}  // namespace embedtool
