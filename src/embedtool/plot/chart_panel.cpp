#include "embedtool/plot/chart_panel.h"

#include <algorithm>

#include "embedtool/plot/text_width.h"

namespace embedtool {

namespace {

double scaled(double value, double low, double high, double from, double to) {
  if (high == low) return (from + to) / 2;
  return from + (value - low) / (high - low) * (to - from);
}

}  // namespace

double ChartPanel::to_x(double value) const {
  return scaled(value, x.low, x.high, area.x, area.right());
}

double ChartPanel::to_y(double value) const {
  return scaled(value, y.low, y.high, area.bottom(), area.y);
}

void ChartPanel::draw_axes(SvgDocument& svg, bool x_tick_labels, const std::string& y_title,
                           double y_title_x, const std::string& x_title) const {
  for (const double value : x.values) {
    const double at = to_x(value);
    svg.line({at, area.y}, {at, area.bottom()}, kGridColour);
  }
  for (const double value : y.values) {
    const double at = to_y(value);
    svg.line({area.x, at}, {area.right(), at}, kGridColour);
  }
  svg.rect(area.x, area.y, area.width, area.height, "none", "frame", kFrameColour);

  TextStyle tick{kTickFontSize, TextAnchor::end, kInkColour};
  // Tick labels are centred on their tick: the baseline sits a third of the size below it.
  for (std::size_t i = 0; i < y.values.size(); ++i)
    svg.text(area.x - 6, to_y(y.values[i]) + kTickFontSize / 3, y.labels[i], tick, "tick");
  tick.anchor = TextAnchor::middle;
  if (x_tick_labels)
    for (std::size_t i = 0; i < x.values.size(); ++i)
      svg.text(to_x(x.values[i]), area.bottom() + 6 + kTickFontSize, x.labels[i], tick, "tick");

  const TextStyle title{kAxisTitleFontSize, TextAnchor::middle, kInkColour, false, -90};
  if (!y_title.empty())
    svg.text(y_title_x, area.y + area.height / 2, y_title, title, "axis-title");
  if (!x_title.empty()) {
    const double below = area.bottom() + (x_tick_labels ? 12 + 2 * kTickFontSize : 16);
    svg.text(area.x + area.width / 2, below + kAxisTitleFontSize / 2, x_title,
             {kAxisTitleFontSize, TextAnchor::middle, kInkColour}, "axis-title");
  }
}

double widest_tick_label(const AxisTicks& ticks) {
  double widest = 0;
  for (const std::string& label : ticks.labels)
    widest = std::max(widest, estimated_text_width(label, kTickFontSize));
  return widest;
}

}  // namespace embedtool
