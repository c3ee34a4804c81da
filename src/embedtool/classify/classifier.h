#pragma once
// A trained classifier put to use (fastText's predict): a line's h (sentence_vectors.h) scored
// by the head it was trained with, over its labels. Built from a model that `train
// --supervised` saved: E (and its word n-gram bucket rows), a head over the labels, the labels
// with their counts, and the settings in the metadata.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/classify/sentence_vectors.h"
#include "embedtool/classify/top_labels.h"
#include "embedtool/model.h"
#include "embedtool/training/head.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/random.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

class Classifier {
 public:
  // `source` names the model in errors. Throws Error when `model` is not a classifier (no
  // labels: it is a word model), when its head is missing, of a kind this embedtool does not
  // know, or has other dimensions than its labels and E give, and as SentenceVectors does.
  Classifier(EmbeddingModel model, const std::string& source);
  // The head refers to W, which lives here.
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  const LabelSet& labels() const { return labels_; }
  std::string_view head_kind() const { return kind_->name; }
  // Whether the probabilities of one h sum to 1 (softmax, hs), or are one yes/no probability
  // per label (ns, ova), so that several labels can be likely at once.
  bool predicts_distribution() const { return kind_->predicts_distribution; }
  std::size_t dims() const { return sentences_.dims(); }
  SentenceVectors& sentences() { return sentences_; }

  // The best labels for h (top_labels.h); hs finds them without scoring every label.
  void predict(std::span<const float> h, const TopLabelsOptions& options,
               std::vector<LabelScore>& out);

  // A whole line: its labels (for test; views into `line`) are split off, its text scored.
  // Returns false, with `out` empty, when the line has no input row (no word the model knows):
  // there is nothing to score.
  bool predict_line(std::string_view line, const TextLocation& where,
                    const TopLabelsOptions& options, std::vector<std::string_view>& labels,
                    std::vector<LabelScore>& out);

 private:
  // In this order: the model is checked before anything is taken out of it.
  const HeadKind* kind_;
  SentenceVectors sentences_;
  LabelSet labels_;
  Matrix weights_;  // W
  Random random_{1};  // asked for by HeadFamily::make; predict draws nothing
  std::unique_ptr<HeadFamily> family_;
  std::unique_ptr<Head> head_;
  std::vector<float> h_;
  std::vector<RankedClass> ranked_;
};

}  // namespace embedtool
