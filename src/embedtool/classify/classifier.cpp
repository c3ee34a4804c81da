#include "embedtool/classify/classifier.h"

#include "embedtool/errors.h"
#include "embedtool/training/heads/head_registry.h"

namespace embedtool {
namespace {

// The checks that say whether `model` can classify at all, before anything is taken out of it.
const HeadKind& checked_head_kind(const EmbeddingModel& model, const std::string& source) {
  if (model.labels.empty())
    throw Error(source + " is not a classifier (it has no labels); train one with `embedtool "
                         "train --supervised`");
  if (!model.head)
    throw Error(source + " has labels but no head weights to predict them with; it cannot "
                         "classify (was it saved without its head?)");
  std::string known;
  for (const std::string& name : head_names()) known += (known.empty() ? "" : ", ") + name;
  const HeadKind* kind = find_head_kind(model.head->kind);
  if (kind == nullptr)
    throw Error(source + " has a head of kind \"" + model.head->kind +
                "\", which this embedtool cannot use (it knows " + known + ")");
  const std::size_t expected_rows = kind->shape(model.labels.size(), 1).weight_rows;
  const Matrix& weights = model.head->weights;
  if (static_cast<std::size_t>(weights.rows()) != expected_rows ||
      (weights.rows() > 0 && weights.cols() != model.vectors.cols()))
    throw Error(source + ": its " + model.head->kind + " head has " +
                std::to_string(weights.rows()) + " x " + std::to_string(weights.cols()) +
                " weights, but " + std::to_string(model.labels.size()) + " labels and " +
                std::to_string(model.vectors.cols()) + "-dimensional vectors need " +
                std::to_string(expected_rows) + " x " + std::to_string(model.vectors.cols()));
  return *kind;
}

}  // namespace

Classifier::Classifier(EmbeddingModel model, const std::string& source)
    : kind_(&checked_head_kind(model, source)),
      sentences_(model, source),
      labels_(std::move(model.labels)),
      weights_(std::move(model.head->weights)) {
  HeadOptions options;
  // The same counts give the same head tables (hs: the same Huffman tree) as in training.
  options.class_counts = labels_.counts();
  options.threads = 1;
  family_ = kind_->make_family(options);
  head_ = family_->make(weights_, random_);
  h_.resize(dims());
}

void Classifier::predict(std::span<const float> h, const TopLabelsOptions& options,
                         std::vector<LabelScore>& out) {
  head_->top_classes(h, ranking_limits(options), ranked_);
  label_scores(ranked_, out);
}

bool Classifier::predict_line(std::string_view line, const TextLocation& where,
                              const TopLabelsOptions& options,
                              std::vector<std::string_view>& labels,
                              std::vector<LabelScore>& out) {
  out.clear();
  if (!sentences_.encode(line, where, labels, h_)) return false;
  predict(h_, options, out);
  return true;
}

}  // namespace embedtool
