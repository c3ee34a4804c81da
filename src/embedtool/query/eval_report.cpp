#include "embedtool/query/eval_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace embedtool {
namespace {

using Row = std::vector<std::string>;

// Columns padded to their widest cell: the first left-aligned (names), the others right-aligned
// (numbers), two spaces apart.
std::string format_table(const std::vector<Row>& rows) {
  std::vector<std::size_t> widths;
  for (const Row& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string text;
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string padding(widths[i] - row[i].size(), ' ');
      if (i > 0) line += "  ";
      line += i == 0 ? row[i] + padding : padding + row[i];
    }
    line.erase(line.find_last_not_of(' ') + 1);
    text += line + '\n';
  }
  return text;
}

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string percent(double share) {
  return std::isnan(share) ? "n/a" : fixed(100 * share, 2) + "%";
}

std::string count_with_share(std::size_t count, double share) {
  return std::to_string(count) + " (" + fixed(100 * share, 1) + "%)";
}

Row tally_row(const std::string& name, const AnalogyTally& tally) {
  return {name,
          std::to_string(tally.questions),
          std::to_string(tally.answered()),
          std::to_string(tally.correct),
          percent(tally.accuracy()),
          std::to_string(tally.skipped)};
}

std::string similarity_text(const std::vector<EvalReport::Similarity>& evaluations) {
  std::vector<Row> rows = {
      {"word similarity", "pairs", "used", "skipped (unknown word)", "Spearman"}};
  for (const auto& [file, result] : evaluations) {
    rows.push_back({file, std::to_string(result.pairs), std::to_string(result.used),
                    count_with_share(result.skipped, result.skipped_share()),
                    fixed(result.spearman, 6)});
  }
  std::string text = format_table(rows);
  for (const auto& [file, result] : evaluations) {
    if (result.through_subwords > 0)
      text += file + ": " + std::to_string(result.through_subwords) + " of the " +
              std::to_string(result.used) +
              " used pairs have a word known only through its character n-grams\n";
  }
  return text;
}

std::string analogy_text(const EvalReport::Analogy& evaluation) {
  const AnalogyResult& result = evaluation.result;
  std::string text = "analogy: " + evaluation.file + " (3CosAdd among the " +
                     std::to_string(result.searched_words) + " most frequent words)\n";
  std::vector<Row> rows = {{"section", "questions", "answered", "correct", "accuracy", "skipped"}};
  for (const AnalogySectionResult& section : result.sections) {
    rows.push_back(tally_row(section.name, section.tally));
  }
  rows.push_back(tally_row("overall", result.overall));
  text += format_table(rows);
  text += "skipped: " + count_with_share(result.overall.skipped, result.overall.skipped_share()) +
          " of " + std::to_string(result.overall.questions) +
          " questions have a word outside the searched words\n";
  if (result.overall.through_subwords > 0)
    text += std::to_string(result.overall.through_subwords) + " of the " +
            std::to_string(result.overall.answered()) +
            " answered questions have a word known only through its character n-grams\n";
  return text;
}

nlohmann::json tally_json(const AnalogyTally& tally) {
  return {{"questions", tally.questions}, {"answered", tally.answered()},
          {"correct", tally.correct},     {"accuracy", tally.accuracy()},
          {"skipped", tally.skipped},     {"skipped_share", tally.skipped_share()},
          {"through_subwords", tally.through_subwords}};
}

}  // namespace

std::string eval_report_text(const EvalReport& report) {
  std::vector<std::string> blocks;
  if (!report.similarity.empty()) blocks.push_back(similarity_text(report.similarity));
  for (const auto& evaluation : report.analogy) blocks.push_back(analogy_text(evaluation));
  std::string text;
  for (const std::string& block : blocks) text += (text.empty() ? "" : "\n") + block;
  return text;
}

nlohmann::json eval_report_json(const EvalReport& report) {
  nlohmann::json similarity = nlohmann::json::array();
  for (const auto& [file, result] : report.similarity) {
    similarity.push_back({{"file", file},
                          {"pairs", result.pairs},
                          {"used", result.used},
                          {"skipped", result.skipped},
                          {"skipped_share", result.skipped_share()},
                          {"through_subwords", result.through_subwords},
                          {"spearman", result.spearman}});
  }
  nlohmann::json analogy = nlohmann::json::array();
  for (const auto& [file, result] : report.analogy) {
    nlohmann::json sections = nlohmann::json::array();
    for (const AnalogySectionResult& section : result.sections) {
      nlohmann::json entry = tally_json(section.tally);
      entry["name"] = section.name;
      entry["outcomes"] = section.outcomes;
      sections.push_back(std::move(entry));
    }
    nlohmann::json entry = tally_json(result.overall);
    entry["file"] = file;
    entry["searched_words"] = result.searched_words;
    entry["sections"] = std::move(sections);
    analogy.push_back(std::move(entry));
  }
  return {{"model", report.model},
          {"similarity", std::move(similarity)},
          {"analogy", std::move(analogy)}};
}

}  // namespace embedtool
