#pragma once
// Where the labels of a scatter plot go so that none covers another: a greedy placement, label
// by label in the order given (so the labels that matter most, given first, sit closest to their
// points). Each label tries positions around its point, nearest first (right, left, above,
// below, then the four corners), then the same directions further out; it takes the first
// position inside the picture that overlaps no label placed before it and no point's marker,
// else (when that would take it more than two rings further out) the first that overlaps no
// label. A label with no such position within reach is left out
// rather than drawn over another: the caller says how many were.
//
// Greedy placement is not optimal (an early label can take the spot a later one needed), but it
// is simple, deterministic, and on the maps embedtool draws (100 words by default) leaves
// out few labels. It costs O(labels² x positions) box tests: `plot map --top 2000` takes 0.1 s
// in all.
#include <optional>
#include <span>
#include <vector>

#include "embedtool/plot/svg_writer.h"

namespace embedtool {

struct Box {
  double x = 0;  // left
  double y = 0;  // top
  double width = 0;
  double height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
  // Boxes that only touch do not overlap.
  bool overlaps(const Box& other) const {
    return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
  }
  bool contains(const Box& other) const {
    return other.x >= x && other.right() <= right() && other.y >= y && other.bottom() <= bottom();
  }
};

struct LabelRequest {
  SvgPoint anchor;  // the point the label names
  double width = 0;
  double height = 0;
};

struct PlacementOptions {
  Box area;               // labels must lie inside it
  double gap = 4;         // between a point and its label, in pixels
  double marker_radius = 3;  // each anchor's marker, which labels should not cover
  int rings = 12;         // how far out to look: rings of positions, half a label's height apart
};

// One box per request, in the same order; nullopt for a label left out. No two boxes returned
// overlap, and each lies inside options.area.
std::vector<std::optional<Box>> place_labels(std::span<const LabelRequest> labels,
                                             const PlacementOptions& options);

}  // namespace embedtool
