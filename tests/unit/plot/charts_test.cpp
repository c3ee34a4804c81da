// The three pictures drawn from small inputs: what each must show is in the document (curves,
// epoch marks, every label, every count), and user text is escaped. tests/e2e/plot.sh renders
// them and looks at the pixels.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/plot/confusion_chart.h"
#include "embedtool/plot/loss_chart.h"
#include "embedtool/plot/word_map.h"

using namespace embedtool;

namespace charts_test {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++count;
  return count;
}

TrainingLog three_epochs(bool with_run) {
  TrainingLog log;
  for (int i = 1; i <= 12; ++i)
    log.progress.push_back({static_cast<std::uint64_t>(i) * 100, 1200, (i - 1) / 4 + 1,
                            2.0 / i, 0.025 * (1 - i / 12.0), 0.5 * i});
  for (int e = 1; e <= 3; ++e) log.epochs.push_back({e, 1.0 / e, std::nullopt});
  if (with_run) log.run = RunRecord{3, 1200, 0.33, 6.0, std::nullopt, std::nullopt};
  return log;
}

}  // namespace charts_test

using namespace charts_test;

TEST_CASE("loss chart: both curves, a dot per epoch, a mark between epochs, the size asked") {
  const std::string svg = loss_chart_svg(three_epochs(true), {640, 400}, "run <1>.jsonl");
  CHECK(svg.find("width=\"640\" height=\"400\"") != std::string::npos);
  CHECK(occurrences(svg, "class=\"loss-curve\"") == 1);
  CHECK(occurrences(svg, "class=\"lr-curve\"") == 1);
  CHECK(occurrences(svg, "class=\"epoch-loss\"") == 3);
  CHECK(occurrences(svg, "class=\"epoch-mark\"") == 2 * 2);  // after epochs 1 and 2, both panels
  CHECK(svg.find(">run &lt;1&gt;.jsonl</text>") != std::string::npos);
  CHECK(svg.find(">epoch</text>") != std::string::npos);
  CHECK(svg.find("3 epochs, 1,200 words in 6 s, final loss 0.33") != std::string::npos);
}

TEST_CASE("loss chart of a run without its run record: against words, no epoch marks") {
  const std::string svg = loss_chart_svg(three_epochs(false), {640, 400}, "run.jsonl");
  CHECK(svg.find(">words read</text>") != std::string::npos);
  CHECK(occurrences(svg, "class=\"epoch-mark\"") == 0);
  CHECK(occurrences(svg, "class=\"loss-curve\"") == 1);
}

TEST_CASE("loss chart: a loss that was not a number breaks the curve") {
  TrainingLog log = three_epochs(true);
  log.progress[5].loss.reset();
  const std::string svg = loss_chart_svg(log, {640, 400}, "run.jsonl");
  CHECK(occurrences(svg, "class=\"loss-curve\"") == 2);
}

TEST_CASE("word map: a point and a label for every word, escaped") {
  const std::vector<std::string> words = {"cat", "dog", "<b>&", "caf\u00e9"};
  PcaProjection projection;
  projection.points = Eigen::MatrixX2d(4, 2);
  projection.points << -1, 0, 1, 0, 0, 1, 0, -1;
  projection.explained = {0.6, 0.3};
  const std::string svg = word_map_svg(words, projection, {500, 400}, "m.emb", "4 words of m.emb");
  CHECK(occurrences(svg, "class=\"word-point\"") == 4);
  CHECK(occurrences(svg, "class=\"word-label\"") == 4);
  CHECK(svg.find(">&lt;b&gt;&amp;</text>") != std::string::npos);
  CHECK(svg.find(">caf\u00e9</text>") != std::string::npos);
  CHECK(svg.find("(60.0% of the spread)") != std::string::npos);
}

TEST_CASE("confusion chart: a cell and a count for each pair, labels without their prefix") {
  ConfusionTable table;
  table.rows = table.columns = {"__label__pos", "__label__neg"};
  table.columns.emplace_back(kNoneColumn);
  table.counts = {{7, 1, 0}, {2, 5, 1}};
  table.labels = 2;
  table.lines = table.lines_shown = 16;
  table.correct = 12;
  table.largest = 7;
  ConfusionChartText text{"clf.emb", "clf.emb on test.txt", "__label__"};
  const ChartSize size = natural_confusion_chart_size(table, text);
  CHECK(size.width >= 400);
  const std::string svg = confusion_chart_svg(table, size, text);
  CHECK(occurrences(svg, "class=\"cell\"") == 6);
  CHECK(occurrences(svg, "class=\"count\"") == 6);
  CHECK(svg.find("class=\"row-label\"") != std::string::npos);
  CHECK(svg.find(">pos</text>") != std::string::npos);
  CHECK(svg.find(">(none)</text>") != std::string::npos);
  CHECK(svg.find("__label__") == std::string::npos);
  CHECK(svg.find("16 lines with one label, 75.0% predicted right") != std::string::npos);
  table.labels = 9;
  CHECK(confusion_chart_svg(table, size, text).find("the 2 most frequent of 9 labels") !=
        std::string::npos);
}
