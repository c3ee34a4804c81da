#include "embedtool/classify/test_report.h"

#include <cmath>
#include <cstdio>

namespace embedtool {
namespace {

using nlohmann::json;

// printf into a std::string.
template <typename... Args>
std::string formatted(const char* format, Args... args) {
  char buffer[64];
  const int length = std::snprintf(buffer, sizeof buffer, format, args...);
  return std::string(buffer, static_cast<std::size_t>(length));
}

// fastText prints its totals with three significant digits ("0.912", "1", "0.5").
std::string total_text(double value) {
  return std::isnan(value) ? "n/a" : formatted("%.3g", value);
}

// fastText's per-label scores: six decimals, eight dashes when undefined.
std::string label_score_text(double value) {
  return std::isnan(value) ? "--------" : formatted("%.6f", value);
}

json number_or_null(double value) { return std::isnan(value) ? json(nullptr) : json(value); }

std::string k_text(int k) { return std::to_string(k); }  // -1 for every label, as fastText

// The columns of the confusion matrix: every label the model can predict, and "no prediction"
// when some example had none. Labels the model never saw cannot be predicted: no column.
bool any_without_prediction(const TestMetrics& metrics) {
  for (const auto& [cell, count] : metrics.confusion())
    if (!cell.second) return true;
  return false;
}

std::vector<std::uint64_t> confusion_row(const TestMetrics& metrics, std::size_t gold,
                                         bool none_column) {
  std::vector<std::uint64_t> row(metrics.model_label_count() + (none_column ? 1 : 0), 0);
  for (auto it = metrics.confusion().lower_bound({gold, std::nullopt});
       it != metrics.confusion().end() && it->first.first == gold; ++it)
    row[it->first.second ? *it->first.second : metrics.model_label_count()] = it->second;
  return row;
}

// Gold rows: the labels some single-label example has.
std::vector<std::size_t> confusion_gold_labels(const TestMetrics& metrics) {
  std::vector<std::size_t> labels;
  for (const auto& [cell, count] : metrics.confusion())
    if (labels.empty() || labels.back() != cell.first) labels.push_back(cell.first);
  return labels;
}

std::string confusion_text(const TestMetrics& metrics) {
  const bool none_column = any_without_prediction(metrics);
  std::string out = "gold\\predicted";
  for (std::size_t label = 0; label < metrics.model_label_count(); ++label)
    out.append("\t").append(metrics.label_name(label));
  if (none_column) out.append("\t(none)");
  out.push_back('\n');
  for (const std::size_t gold : confusion_gold_labels(metrics)) {
    out.append(metrics.label_name(gold));
    for (const std::uint64_t count : confusion_row(metrics, gold, none_column))
      out.append("\t").append(std::to_string(count));
    out.push_back('\n');
  }
  return out;
}

json confusion_json(const TestMetrics& metrics) {
  const bool none_column = any_without_prediction(metrics);
  json gold = json::array();
  json predicted = json::array();
  json counts = json::array();
  for (std::size_t label = 0; label < metrics.model_label_count(); ++label)
    predicted.push_back(metrics.label_name(label));
  if (none_column) predicted.push_back(nullptr);
  for (const std::size_t label : confusion_gold_labels(metrics)) {
    gold.push_back(metrics.label_name(label));
    counts.push_back(confusion_row(metrics, label, none_column));
  }
  return {{"gold", gold}, {"predicted", predicted}, {"counts", counts}};
}

}  // namespace

std::string test_report_text(const TestMetrics& metrics, const TestReportOptions& options) {
  std::string out;
  if (options.per_label) {
    for (std::size_t label = 0; label < metrics.label_count(); ++label) {
      const LabelCounts& counts = metrics.label_counts(label);
      out.append("F1-Score : ").append(label_score_text(counts.f1()));
      out.append("  Precision : ").append(label_score_text(counts.precision()));
      out.append("  Recall : ").append(label_score_text(counts.recall()));
      out.append("   ").append(metrics.label_name(label)).push_back('\n');
    }
  }
  const std::string k = k_text(options.top.k);
  out.append("N\t").append(std::to_string(metrics.examples())).push_back('\n');
  out.append("P@" + k + "\t").append(total_text(metrics.total().precision())).push_back('\n');
  out.append("R@" + k + "\t").append(total_text(metrics.total().recall())).push_back('\n');
  out.append("accuracy\t").append(total_text(metrics.accuracy())).push_back('\n');
  if (options.confusion) out.append("\n").append(confusion_text(metrics));
  return out;
}

json test_report_json(const TestMetrics& metrics, const TestReportOptions& options) {
  json unseen = json::array();
  for (std::size_t label = metrics.model_label_count(); label < metrics.label_count(); ++label)
    unseen.push_back(
        {{"label", metrics.label_name(label)}, {"count", metrics.label_counts(label).gold}});
  json report = {{"examples", metrics.examples()},
                 {"k", options.top.k},
                 {"threshold", options.top.threshold},
                 {"precision", number_or_null(metrics.total().precision())},
                 {"recall", number_or_null(metrics.total().recall())},
                 {"accuracy", number_or_null(metrics.accuracy())},
                 {"unlabelled_lines", metrics.unlabelled_lines()},
                 {"examples_without_prediction", metrics.examples_without_prediction()},
                 {"unseen_labels", unseen}};
  if (options.per_label) {
    json labels = json::array();
    for (std::size_t label = 0; label < metrics.label_count(); ++label) {
      const LabelCounts& counts = metrics.label_counts(label);
      labels.push_back({{"label", metrics.label_name(label)},
                        {"seen", metrics.seen_in_training(label)},
                        {"gold", counts.gold},
                        {"predicted", counts.predicted},
                        {"correct", counts.correct},
                        {"precision", number_or_null(counts.precision())},
                        {"recall", number_or_null(counts.recall())},
                        {"f1", number_or_null(counts.f1())}});
    }
    report["labels"] = labels;
  }
  if (options.confusion) report["confusion"] = confusion_json(metrics);
  return report;
}

std::vector<std::string> test_report_notes(const TestMetrics& metrics, const std::string& source,
                                           bool confusion) {
  std::vector<std::string> notes;
  const auto lines = [](std::uint64_t n) {
    return std::to_string(n) + (n == 1 ? " line" : " lines");
  };
  if (metrics.unlabelled_lines() > 0)
    notes.push_back(source + ": " + lines(metrics.unlabelled_lines()) +
                    " without a label skipped");
  if (metrics.examples_without_prediction() > 0)
    notes.push_back(source + ": " + lines(metrics.examples_without_prediction()) +
                    " without any word the model knows: nothing predicted, their labels missed");
  // One note for all of them: a test set with a long tail of labels can have hundreds.
  const std::size_t unseen = metrics.label_count() - metrics.model_label_count();
  if (unseen == 1) {
    const std::size_t label = metrics.model_label_count();
    notes.push_back(source + ": the label " + metrics.label_name(label) + " (" +
                    lines(metrics.label_counts(label).gold) +
                    ") is not one the model was trained on: it cannot be predicted and counts "
                    "as missed");
  } else if (unseen > 1) {
    constexpr std::size_t kNamed = 5;
    std::uint64_t unseen_lines = 0;
    std::string named;
    for (std::size_t label = metrics.model_label_count(); label < metrics.label_count(); ++label) {
      unseen_lines += metrics.label_counts(label).gold;
      if (label - metrics.model_label_count() < kNamed)
        named += (named.empty() ? "" : ", ") + metrics.label_name(label) + " (" +
                 lines(metrics.label_counts(label).gold) + ")";
    }
    if (unseen > kNamed) named += ", ...";
    notes.push_back(source + ": " + std::to_string(unseen) + " labels on " + lines(unseen_lines) +
                    " are not ones the model was trained on: they cannot be predicted and count "
                    "as missed (" + named + "; --per-label lists them all)");
  }
  if (confusion && metrics.examples_with_several_labels() > 0)
    notes.push_back(source + ": " + lines(metrics.examples_with_several_labels()) +
                    " with several labels left out of the confusion matrix");
  return notes;
}

}  // namespace embedtool
