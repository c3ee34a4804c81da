#pragma once
// What `embedtool test` prints. Text is fastText's layout, so that scripts written for
// `fasttext test` and `fasttext test-label` read it:
//   F1-Score : 0.912345  Precision : 0.900000  Recall : 0.925000   __label__pos   (--per-label)
//   N	500
//   P@1	0.912
//   R@1	0.912
// then embedtool's own `accuracy	0.912`, and with --confusion a blank line and a tab-separated
// matrix (a row per gold label, a column per predicted label). Undefined figures print as
// fastText's "--------" (per label) or "n/a", and as null in JSON.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "embedtool/classify/test_metrics.h"
#include "embedtool/classify/top_labels.h"

namespace embedtool {

struct TestReportOptions {
  TopLabelsOptions top;  // the k and threshold the metrics were taken with
  bool per_label = false;
  bool confusion = false;
};

std::string test_report_text(const TestMetrics& metrics, const TestReportOptions& options);

// {"examples", "k", "threshold", "precision", "recall", "accuracy", "unlabelled_lines",
//  "examples_without_prediction", "unseen_labels": [{"label", "count"}], and with the options
//  "labels": [{"label", "seen", "gold", "predicted", "correct", "precision", "recall", "f1"}],
//  "confusion": {"gold": [names], "predicted": [names, null for no prediction], "counts": [[…]]}}
nlohmann::json test_report_json(const TestMetrics& metrics, const TestReportOptions& options);

// One line per thing the numbers hide (for stderr): skipped unlabelled lines, examples without
// a word the model knows, each test label the model was never trained on with its count, and,
// for the confusion matrix, the examples with several labels it leaves out. `source` names the
// test input.
std::vector<std::string> test_report_notes(const TestMetrics& metrics, const std::string& source,
                                           bool confusion);

}  // namespace embedtool
