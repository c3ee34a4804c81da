#pragma once
// A rectangle of a chart where data is drawn against two axes: it maps data values to pixels and
// draws its frame, grid, ticks and axis titles, the same in every chart.
#include <string>

#include "embedtool/plot/axis_ticks.h"
#include "embedtool/plot/label_placement.h"
#include "embedtool/plot/svg_writer.h"

namespace embedtool {

// Colours shared by the charts: ink for text, and a quiet grey for frames and grids.
inline constexpr const char* kInkColour = "#222222";
inline constexpr const char* kFrameColour = "#888888";
inline constexpr const char* kGridColour = "#e4e4e4";
inline constexpr const char* kNoteColour = "#555555";
inline constexpr double kTickFontSize = 11;
inline constexpr double kAxisTitleFontSize = 12;

// A picture's size in pixels, as asked for (--width, --height).
struct ChartSize {
  int width = 800;
  int height = 500;
};

struct ChartPanel {
  Box area;  // in pixels
  AxisTicks x;
  AxisTicks y;

  // A data value as a pixel coordinate (y grows downwards in SVG).
  double to_x(double value) const;
  double to_y(double value) const;

  // Frame, grid lines at every tick, the y ticks' labels on the left and, when
  // `x_tick_labels`, the x ticks' labels below. Titles are drawn when not empty: the y title
  // turned on its side at `y_title_x`, the x title centred under the tick labels.
  void draw_axes(SvgDocument& svg, bool x_tick_labels, const std::string& y_title,
                 double y_title_x, const std::string& x_title) const;
};

// The widest label of `ticks` in pixels at the tick font size: how much room the y axis needs.
double widest_tick_label(const AxisTicks& ticks);

}  // namespace embedtool
