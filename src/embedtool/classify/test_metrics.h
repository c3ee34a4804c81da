#pragma once
// The scores of `embedtool test`, with fastText's definitions (its `test` and `test-label`):
// over N labelled examples, each predicted its top k labels above a threshold,
//   P@k = correct predictions / predictions,   R@k = correct predictions / gold labels,
// summed over all examples; per label, precision = its correct predictions / its predictions,
// recall = its correct predictions / its gold occurrences, F1 = their harmonic mean
// (2·correct / (predictions + gold)). Where embedtool differs:
// - a test label the model was never trained on cannot be predicted: its examples count, and
//   its gold occurrences count as missed (fastText drops such labels, and skips a line left
//   without any), and each such label is reported with its count;
// - a label repeated on one line is one gold label of that line (fastText counts it twice);
// - accuracy: the share of examples whose single best label, whatever k and the threshold, is
//   one of theirs (P@1 on single-label data when every example has a prediction);
// - a confusion matrix (gold label x best label) of the examples that have exactly one label.
// An example whose line has no word the model knows has no prediction: all its labels are
// missed, and it is counted (fastText would still predict from its end-of-line token).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "embedtool/classify/top_labels.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

struct LabelCounts {
  std::uint64_t gold = 0;       // examples that have the label
  std::uint64_t predicted = 0;  // times it was predicted
  std::uint64_t correct = 0;    // times it was predicted for an example that has it

  // NaN when undefined (nothing predicted; no gold occurrence; neither), as fastText's.
  double precision() const;
  double recall() const;
  double f1() const;
};

class TestMetrics {
 public:
  // Labels 0 .. labels.size() − 1 are the model's classes (copied); labels the test brings that
  // the model lacks get the next indices, in order of first appearance.
  explicit TestMetrics(const LabelSet& labels);

  // One labelled example: `gold` its label tokens (at least one; repeats allowed), `predicted`
  // its top-k labels above the threshold, `best` its single best label (nullopt when the line
  // had nothing to predict from).
  void add_example(std::span<const std::string_view> gold, std::span<const LabelScore> predicted,
                   std::optional<std::size_t> best);
  // A line without any label: not an example; counted only.
  void add_unlabelled_line() { ++unlabelled_lines_; }

  std::uint64_t examples() const { return examples_; }
  std::uint64_t unlabelled_lines() const { return unlabelled_lines_; }
  std::uint64_t examples_without_prediction() const { return without_prediction_; }
  std::uint64_t examples_with_several_labels() const { return several_labels_; }
  // Summed over every label: P@k = precision(), R@k = recall().
  const LabelCounts& total() const { return total_; }
  double accuracy() const;  // NaN without examples

  // The model's labels, then the unseen ones.
  std::size_t label_count() const { return names_.size(); }
  std::size_t model_label_count() const { return model_labels_; }
  const std::string& label_name(std::size_t label) const { return names_[label]; }
  const LabelCounts& label_counts(std::size_t label) const { return per_label_[label]; }
  bool seen_in_training(std::size_t label) const { return label < model_labels_; }

  // Single-label examples by (gold label, best label); best is nullopt for an example without a
  // prediction. Sparse: only pairs that occurred.
  using ConfusionCell = std::pair<std::size_t, std::optional<std::size_t>>;
  const std::map<ConfusionCell, std::uint64_t>& confusion() const { return confusion_; }

 private:
  std::size_t label_index(std::string_view name);

  std::size_t model_labels_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> indices_;
  std::vector<LabelCounts> per_label_;
  LabelCounts total_;
  std::uint64_t examples_ = 0;
  std::uint64_t unlabelled_lines_ = 0;
  std::uint64_t without_prediction_ = 0;
  std::uint64_t several_labels_ = 0;
  std::uint64_t best_correct_ = 0;
  std::map<ConfusionCell, std::uint64_t> confusion_;
  std::vector<std::size_t> gold_;  // the current example's distinct labels
};

}  // namespace embedtool
