#include "embedtool/plot/loss_chart.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "embedtool/plot/number_text.h"
#include "embedtool/plot/text_width.h"

namespace embedtool {

namespace {

constexpr const char* kLossColour = "#1f77b4";
constexpr const char* kEpochLossColour = "#e6550d";
constexpr const char* kRateColour = "#2ca02c";
constexpr const char* kEpochMarkColour = "#999999";
constexpr double kTitleFontSize = 16;
constexpr double kNoteFontSize = 12;
// More epoch lines than this would grey the panels over; the x ticks still count the epochs.
constexpr int kMostEpochMarks = 40;

// What the x axis counts: epochs (fractional) when the log says how many there were, else words.
struct XAxis {
  bool by_epoch = false;
  int epochs = 0;

  double of(const ProgressRecord& record) const {
    if (by_epoch && record.words_total > 0)
      return static_cast<double>(record.words) / static_cast<double>(record.words_total) * epochs;
    return static_cast<double>(record.words);
  }
};

std::string run_summary(const TrainingLog& log) {
  if (!log.run)
    return "no \"run\" record (the run stopped, or is still going): x counts the words read";
  const RunRecord& run = *log.run;
  std::string summary = std::to_string(run.epochs) + (run.epochs == 1 ? " epoch, " : " epochs, ") +
                        with_thousands(run.words) + " words in " + rounded(run.seconds, 3) + " s";
  if (run.loss) summary += ", final loss " + rounded(*run.loss, 4);
  if (run.kept_epoch) {
    summary += "; kept epoch " + std::to_string(*run.kept_epoch);
    if (run.validation_accuracy)
      summary += " (validation accuracy " + rounded(*run.validation_accuracy, 4) + ")";
  }
  return summary;
}

// A line through the points that have a value, broken where one has none (a loss that was not
// a number); a lone point gets a dot, which a polyline of one point would not show.
void draw_curve(SvgDocument& svg, const ChartPanel& panel, const std::vector<double>& xs,
                const std::vector<std::optional<double>>& ys, const char* colour,
                const char* class_name) {
  std::vector<SvgPoint> run;
  const auto flush = [&] {
    if (run.size() == 1) svg.circle(run.front(), 2.5, colour, class_name);
    if (run.size() > 1) svg.polyline(run, colour, 1.5, class_name);
    run.clear();
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!ys[i] || !std::isfinite(*ys[i])) {
      flush();
      continue;
    }
    run.push_back({panel.to_x(xs[i]), panel.to_y(*ys[i])});
  }
  flush();
}

void draw_legend(SvgDocument& svg, const ChartPanel& panel, bool with_epoch_means) {
  const TextStyle style{kNoteFontSize, TextAnchor::end, kInkColour};
  double y = panel.area.y + 10 + kNoteFontSize;
  const double text_x = panel.area.right() - 10;
  const std::string reports = "mean loss between reports";
  const double key_x = text_x - estimated_text_width(reports, kNoteFontSize) - 8;
  svg.line({key_x - 22, y - 4}, {key_x, y - 4}, kLossColour, 2);
  svg.text(text_x, y, reports, style, "legend");
  if (!with_epoch_means) return;
  y += kNoteFontSize * 1.5;
  svg.circle({key_x - 11, y - 4}, 3.5, kEpochLossColour);
  svg.text(text_x, y, "mean loss of the epoch", style, "legend");
}

}  // namespace

std::string loss_chart_svg(const TrainingLog& log, const ChartSize& size, const std::string& title) {
  XAxis axis;
  if (log.run && log.run->epochs > 0) {
    axis.by_epoch = true;
    axis.epochs = log.run->epochs;
  }

  std::vector<double> xs;
  std::vector<std::optional<double>> losses;
  std::vector<std::optional<double>> rates;
  double loss_low = std::numeric_limits<double>::infinity();
  double loss_high = -loss_low;
  double rate_high = 0;
  const auto widen_loss = [&](std::optional<double> loss) {
    if (!loss || !std::isfinite(*loss)) return;
    loss_low = std::min(loss_low, *loss);
    loss_high = std::max(loss_high, *loss);
  };
  for (const ProgressRecord& record : log.progress) {
    xs.push_back(axis.of(record));
    // The first report of a run can come before any prediction: its mean loss is a 0 that
    // means nothing.
    losses.push_back(record.words == 0 ? std::nullopt : record.loss);
    rates.push_back(record.learning_rate);
    widen_loss(losses.back());
    if (std::isfinite(record.learning_rate)) rate_high = std::max(rate_high, record.learning_rate);
  }
  const bool epoch_means = axis.by_epoch && !log.epochs.empty();
  if (epoch_means)
    for (const EpochRecord& epoch : log.epochs) widen_loss(epoch.loss);
  if (loss_low > loss_high) loss_low = loss_high = 0;  // no loss was a number

  const double x_high = axis.by_epoch ? axis.epochs : std::max(1.0, *std::max_element(xs.begin(), xs.end()));
  ChartPanel loss_panel;
  ChartPanel rate_panel;
  loss_panel.x = rate_panel.x = choose_ticks(0, x_high, 8, axis.by_epoch ? 1 : 0);
  loss_panel.y = choose_ticks(loss_low, loss_high, 5);
  rate_panel.y = choose_ticks(0, rate_high, 3);

  const double left = 24 + 8 + std::max(widest_tick_label(loss_panel.y), widest_tick_label(rate_panel.y));
  const double top = 58;
  const double bottom = 52;
  const double between = 22;
  const double width = std::max(40.0, size.width - left - 18);
  const double heights = std::max(60.0, size.height - top - bottom - between);
  loss_panel.area = {left, top, width, heights * 0.62};
  rate_panel.area = {left, loss_panel.area.bottom() + between, width, heights * 0.38};

  SvgDocument svg(size.width, size.height);
  svg.title("Loss and learning rate: " + title);
  svg.text(size.width / 2.0, 24, title, {kTitleFontSize, TextAnchor::middle, kInkColour, true},
           "title");
  svg.text(size.width / 2.0, 44, run_summary(log), {kNoteFontSize, TextAnchor::middle, kNoteColour},
           "subtitle");

  const std::string x_title = axis.by_epoch ? "epoch" : "words read";
  loss_panel.draw_axes(svg, false, "loss", 16, "");
  rate_panel.draw_axes(svg, true, "learning rate", 16, x_title);
  if (axis.by_epoch && axis.epochs <= kMostEpochMarks) {
    for (int epoch = 1; epoch < axis.epochs; ++epoch) {
      for (const ChartPanel* panel : {&loss_panel, &rate_panel}) {
        const double at = panel->to_x(epoch);
        svg.line({at, panel->area.y}, {at, panel->area.bottom()}, kEpochMarkColour, 1, "4 3",
                 "epoch-mark");
      }
    }
  }

  draw_curve(svg, loss_panel, xs, losses, kLossColour, "loss-curve");
  draw_curve(svg, rate_panel, xs, rates, kRateColour, "lr-curve");
  if (epoch_means) {
    for (const EpochRecord& epoch : log.epochs) {
      if (!epoch.loss || !std::isfinite(*epoch.loss) || epoch.epoch < 1) continue;
      svg.circle({loss_panel.to_x(epoch.epoch - 0.5), loss_panel.to_y(*epoch.loss)}, 4,
                 kEpochLossColour, "epoch-loss");
    }
  }
  draw_legend(svg, loss_panel, epoch_means);
  return svg.str();
}

}  // namespace embedtool
