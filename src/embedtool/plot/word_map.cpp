#include "embedtool/plot/word_map.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "embedtool/plot/label_placement.h"
#include "embedtool/plot/number_text.h"
#include "embedtool/plot/text_width.h"

namespace embedtool {

namespace {

constexpr const char* kPointColour = "#1f77b4";
constexpr const char* kLeaderColour = "#aaaaaa";
constexpr double kMapTitleFontSize = 16;
constexpr double kMapNoteFontSize = 12;
constexpr double kLabelFontSize = 12;
constexpr double kPointRadius = 3;
constexpr double kLabelGap = 4;

// The point of `box` nearest to `point`.
SvgPoint nearest_on(const Box& box, SvgPoint point) {
  return {std::clamp(point.x, box.x, box.right()), std::clamp(point.y, box.y, box.bottom())};
}

}  // namespace

std::string word_map_svg(const std::vector<std::string>& words, const PcaProjection& projection,
                         const ChartSize& size, const std::string& title, const std::string& about) {
  const double top = 58;
  const Box frame{36, top, std::max(40.0, size.width - 36.0 - 14), std::max(40.0, size.height - top - 40)};
  // Points keep off the frame's edges, so that the labels of the outermost ones fit beside them.
  const double inset_x = std::min(frame.width / 4, 8 + frame.width * 0.08);
  const double inset_y = std::min(frame.height / 4, 8 + frame.height * 0.05);
  const Box inner{frame.x + inset_x, frame.y + inset_y, frame.width - 2 * inset_x,
                  frame.height - 2 * inset_y};

  const Eigen::MatrixX2d& points = projection.points;
  const Eigen::Vector2d low = points.colwise().minCoeff();
  const Eigen::Vector2d high = points.colwise().maxCoeff();
  const Eigen::Vector2d middle = (low + high) / 2;
  const Eigen::Vector2d range = high - low;
  // One scale for both axes, the largest that fits the points in.
  double scale = std::numeric_limits<double>::infinity();
  if (range.x() > 0) scale = std::min(scale, inner.width / range.x());
  if (range.y() > 0) scale = std::min(scale, inner.height / range.y());
  if (!std::isfinite(scale)) scale = 0;  // every point in one place
  const auto on_page = [&](Eigen::Index i) {
    return SvgPoint{inner.x + inner.width / 2 + (points(i, 0) - middle.x()) * scale,
                    inner.y + inner.height / 2 - (points(i, 1) - middle.y()) * scale};
  };

  std::vector<LabelRequest> requests;
  for (std::size_t i = 0; i < words.size(); ++i)
    requests.push_back({on_page(static_cast<Eigen::Index>(i)),
                        estimated_text_width(words[i], kLabelFontSize),
                        kLabelFontSize * kLineHeight});
  PlacementOptions placement;
  placement.area = {frame.x + 2, frame.y + 2, frame.width - 4, frame.height - 4};
  placement.gap = kLabelGap;
  placement.marker_radius = kPointRadius;
  const std::vector<std::optional<Box>> boxes = place_labels(requests, placement);
  const auto left_out = std::count(boxes.begin(), boxes.end(), std::nullopt);

  SvgDocument svg(size.width, size.height);
  svg.title("Word map: " + title);
  svg.text(size.width / 2.0, 24, title, {kMapTitleFontSize, TextAnchor::middle, kInkColour, true},
           "title");
  std::string note = "PCA of " + about + ", vectors scaled to unit length";
  if (left_out > 0)
    note += "; " + std::to_string(left_out) + (left_out == 1 ? " label" : " labels") +
            " left out for lack of room";
  svg.text(size.width / 2.0, 44, note, {kMapNoteFontSize, TextAnchor::middle, kNoteColour},
           "subtitle");
  svg.rect(frame.x, frame.y, frame.width, frame.height, "none", "frame", kFrameColour);
  const TextStyle axis_title{kAxisTitleFontSize, TextAnchor::middle, kInkColour};
  svg.text(frame.x + frame.width / 2, frame.bottom() + 22,
           "first principal component (" + percent(projection.explained[0]) + " of the spread)",
           axis_title, "axis-title");
  TextStyle side_title = axis_title;
  side_title.rotate = -90;
  svg.text(frame.x - 12, frame.y + frame.height / 2,
           "second principal component (" + percent(projection.explained[1]) + ")", side_title,
           "axis-title");

  // Leaders first, so that points and labels are drawn over them.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!boxes[i]) continue;
    const SvgPoint anchor = requests[i].anchor;
    const SvgPoint end = nearest_on(*boxes[i], anchor);
    if (std::hypot(end.x - anchor.x, end.y - anchor.y) > kLabelGap * 1.5 + 1)
      svg.line(anchor, end, kLeaderColour, 0.8, {}, "leader");
  }
  for (const LabelRequest& request : requests)
    svg.circle(request.anchor, kPointRadius, kPointColour, "word-point");
  const TextStyle label{kLabelFontSize, TextAnchor::start, kInkColour};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!boxes[i]) continue;
    const Box& box = *boxes[i];
    // data-box: the box the label was given (its estimated extent), for tests and tools.
    const std::string extent = "data-box=\"" + svg_number(box.x) + " " + svg_number(box.y) + " " +
                               svg_number(box.width) + " " + svg_number(box.height) + "\"";
    svg.text(box.x, box.y + kBaselineDepth * kLabelFontSize, words[i], label, "word-label", extent);
  }
  return svg.str();
}

}  // namespace embedtool
