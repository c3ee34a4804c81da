#include "embedtool/classify/test_metrics.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace embedtool {
namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

double ratio(std::uint64_t numerator, std::uint64_t denominator) {
  return denominator == 0 ? kUndefined
                          : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

double LabelCounts::precision() const { return ratio(correct, predicted); }
double LabelCounts::recall() const { return ratio(correct, gold); }
double LabelCounts::f1() const { return ratio(2 * correct, predicted + gold); }

TestMetrics::TestMetrics(const LabelSet& labels) : model_labels_(labels.size()) {
  for (std::size_t i = 0; i < labels.size(); ++i) label_index(labels.name(i));
}

std::size_t TestMetrics::label_index(std::string_view name) {
  const auto [found, added] = indices_.try_emplace(std::string(name), names_.size());
  if (added) {
    names_.emplace_back(name);
    per_label_.emplace_back();
  }
  return found->second;
}

void TestMetrics::add_example(std::span<const std::string_view> gold,
                              std::span<const LabelScore> predicted,
                              std::optional<std::size_t> best) {
  assert(!gold.empty());
  ++examples_;
  gold_.clear();
  for (const std::string_view name : gold) {
    const std::size_t label = label_index(name);
    if (std::find(gold_.begin(), gold_.end(), label) == gold_.end()) gold_.push_back(label);
  }
  const auto is_gold = [&](std::size_t label) {
    return std::find(gold_.begin(), gold_.end(), label) != gold_.end();
  };
  for (const std::size_t label : gold_) ++per_label_[label].gold;
  total_.gold += gold_.size();
  for (const LabelScore& prediction : predicted) {
    assert(prediction.label < model_labels_);
    LabelCounts& counts = per_label_[prediction.label];
    ++counts.predicted;
    ++total_.predicted;
    if (is_gold(prediction.label)) {
      ++counts.correct;
      ++total_.correct;
    }
  }
  if (!best) ++without_prediction_;
  if (best && is_gold(*best)) ++best_correct_;
  if (gold_.size() == 1) {
    ++confusion_[{gold_.front(), best}];
  } else {
    ++several_labels_;
  }
}

double TestMetrics::accuracy() const { return ratio(best_correct_, examples_); }

}  // namespace embedtool
