#include "embedtool/plot/confusion_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "embedtool/plot/number_text.h"
#include "embedtool/plot/text_width.h"

namespace embedtool {

namespace {

constexpr double kGridTitleFontSize = 16;
constexpr double kGridNoteFontSize = 12;
constexpr double kGridLabelFontSize = 12;
constexpr std::size_t kLongestLabel = 24;  // characters; longer labels are shortened
constexpr double kLargestCell = 120;
constexpr double kNaturalCell = 56;  // the default picture's cells
constexpr const char* kZeroColour = "#bbbbbb";

// White for 0, through light blue, to dark blue for the largest count.
std::string cell_colour(double share) {
  constexpr int kLight[3] = {0xf7, 0xfb, 0xff};
  constexpr int kDark[3] = {0x08, 0x30, 0x6b};
  char text[8];
  int rgb[3];
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(kLight[c] + (kDark[c] - kLight[c]) * share));
  std::snprintf(text, sizeof text, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return text;
}

std::string shown_label(const std::string& label, const std::string& prefix) {
  const bool prefixed = !prefix.empty() && label.size() > prefix.size() &&
                        label.compare(0, prefix.size(), prefix) == 0;
  return shortened_text(prefixed ? label.substr(prefix.size()) : label, kLongestLabel);
}

std::string summary(const ConfusionTable& table, const ConfusionChartText& text) {
  std::string line = text.about + ": " + with_thousands(table.lines) +
                     (table.lines == 1 ? " line" : " lines") + " with one label";
  if (table.lines > 0)
    line += ", " +
            percent(static_cast<double>(table.correct) / static_cast<double>(table.lines)) +
            " predicted right";
  if (table.rows.size() < table.labels)
    line += "; the " + std::to_string(table.rows.size()) + " most frequent of " +
            std::to_string(table.labels) + " labels";
  return line;
}

// What surrounds the grid: a title line and a note, the column labels on their side above it,
// "true label" and the row labels on its left, "predicted label" under it.
struct GridMargins {
  std::vector<std::string> row_labels;
  std::vector<std::string> column_labels;
  double top = 0;
  double left = 0;
  double right = 16;
  double bottom = 34;
};

GridMargins grid_margins(const ConfusionTable& table, const ConfusionChartText& text) {
  GridMargins margins;
  double widest_row = 0;
  double widest_column = 0;
  for (const std::string& label : table.rows) {
    margins.row_labels.push_back(shown_label(label, text.label_prefix));
    widest_row =
        std::max(widest_row, estimated_text_width(margins.row_labels.back(), kGridLabelFontSize));
  }
  for (const std::string& label : table.columns) {
    margins.column_labels.push_back(shown_label(label, text.label_prefix));
    widest_column = std::max(
        widest_column, estimated_text_width(margins.column_labels.back(), kGridLabelFontSize));
  }
  margins.top = 58 + widest_column + 10;
  margins.left = 30 + widest_row + 8;
  return margins;
}

}  // namespace

ChartSize natural_confusion_chart_size(const ConfusionTable& table,
                                       const ConfusionChartText& text) {
  const GridMargins margins = grid_margins(table, text);
  const double across = margins.left + kNaturalCell * static_cast<double>(table.columns.size()) + margins.right;
  const double down = margins.top + kNaturalCell * static_cast<double>(table.rows.size()) + margins.bottom;
  // Wide enough for the note under the title, too.
  const double note = estimated_text_width(summary(table, text), kGridNoteFontSize) + 20;
  return {static_cast<int>(std::ceil(std::max({across, note, 400.0}))),
          static_cast<int>(std::ceil(std::max(down, 300.0)))};
}

std::string confusion_chart_svg(const ConfusionTable& table, const ChartSize& size,
                                const ConfusionChartText& text) {
  const GridMargins margins = grid_margins(table, text);
  const std::vector<std::string>& row_labels = margins.row_labels;
  const std::vector<std::string>& column_labels = margins.column_labels;
  const double across = std::max(1.0, size.width - margins.left - margins.right);
  const double down = std::max(1.0, size.height - margins.top - margins.bottom);
  const double columns = static_cast<double>(std::max<std::size_t>(table.columns.size(), 1));
  const double rows = static_cast<double>(std::max<std::size_t>(table.rows.size(), 1));
  const double cell = std::min({across / columns, down / rows, kLargestCell});
  const double grid_width = cell * columns;
  const double grid_height = cell * rows;
  // The grid sits in the middle of the room it has.
  const double left = margins.left + (across - grid_width) / 2;
  const double top = margins.top;
  const double label_size = std::min(kGridLabelFontSize, cell * 0.8);

  SvgDocument svg(size.width, size.height);
  svg.title("Confusion matrix: " + text.title);
  svg.text(size.width / 2.0, 24, text.title,
           {kGridTitleFontSize, TextAnchor::middle, kInkColour, true}, "title");
  svg.text(size.width / 2.0, 44, summary(table, text),
           {kGridNoteFontSize, TextAnchor::middle, kNoteColour}, "subtitle");

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const double y = top + cell * static_cast<double>(r);
    svg.text(left - 6, y + cell / 2 + label_size / 3, row_labels[r],
             {label_size, TextAnchor::end, kInkColour}, "row-label");
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const double x = left + cell * static_cast<double>(c);
      const std::uint64_t count = table.counts[r][c];
      const double share = table.largest == 0 ? 0
                                              : static_cast<double>(count) /
                                                    static_cast<double>(table.largest);
      svg.rect(x, y, cell, cell, cell_colour(share), "cell", "#ffffff");
      const std::string digits = std::to_string(count);
      // As large as fits: half the cell's height, and the digits' width within the cell's.
      const double count_size =
          std::min({kGridLabelFontSize, cell * 0.5,
                    (cell - 4) / (0.64 * static_cast<double>(digits.size()))});
      const char* ink = count == 0 ? kZeroColour : share > 0.5 ? "#ffffff" : kInkColour;
      svg.text(x + cell / 2, y + cell / 2 + count_size / 3, digits,
               {count_size, TextAnchor::middle, ink}, "count");
    }
  }
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const double x = left + cell * (static_cast<double>(c) + 0.5) + label_size / 3;
    svg.text(x, top - 6, column_labels[c], {label_size, TextAnchor::start, kInkColour, false, -90},
             "column-label");
  }
  svg.rect(left, top, grid_width, grid_height, "none", "frame", kFrameColour);
  const TextStyle axis_title{kAxisTitleFontSize, TextAnchor::middle, kInkColour};
  svg.text(left + grid_width / 2, top + grid_height + 22, "predicted label", axis_title,
           "axis-title");
  TextStyle side = axis_title;
  side.rotate = -90;
  svg.text(left - margins.left + 16, top + grid_height / 2, "true label", side, "axis-title");
  return svg.str();
}

}  // namespace embedtool
