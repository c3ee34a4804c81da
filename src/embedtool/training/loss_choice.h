#pragma once
// What --loss auto picks: the exact softmax while it is cheap, negative sampling beyond.
#include <cstddef>
#include <string>

#include "embedtool/training/train_settings.h"

namespace embedtool {

// The full softmax scores every word for every centre word: O(V · D) per step, shared by the
// step's predictions. Negative sampling scores K + 1 rows per prediction: with the defaults
// (K = 5, window 5, so about 6 predictions per skip-gram centre) some 36 rows per step whatever
// V is. Measured on one thread (skip-gram, D = 100, 3 epochs of 0.9M words of en-norm.txt, the
// vocabulary cut with --input-dim): both heads take the same time at about 50 words; at 100
// words softmax takes 1.5x as long as ns, at 200 words 3x, at 1,000 words 15x. The exact head is
// taken while it costs about what the approximation does: up to 100 words.
inline constexpr std::size_t kAutoSoftmaxMaxWords = 100;

// A classifier's labels: one-vs-all (an independent yes/no per label) while scoring every label
// is cheap. Measured with bigrams and 50 epochs (ova at lr 0.25, softmax and hs at 0.5), mean
// test accuracy of three seeds (README, "Classifying text"): TREC-6 0.924 with ova, 0.914 softmax, 0.895 hs; TREC-50 0.806,
// 0.801, 0.765; MR 0.781, 0.773, 0.774. A line has some 10 to 100 input rows, so scoring up to
// 100 labels costs about what the inputs do; beyond, hierarchical softmax (log2 of the labels
// per step, fastText's advice for many labels). Negative sampling is never chosen for labels.
inline constexpr std::size_t kAutoAllLabelsMax = 100;

struct LossChoice {
  std::string loss;  // a registered head
  std::string reason;  // one sentence for the log: what was chosen and why
};

// `requested` unless it is "auto"; then softmax for vocabularies of at most
// kAutoSoftmaxMaxWords words, negative sampling beyond.
LossChoice choose_loss(const std::string& requested, std::size_t vocabulary_words);

// `requested` unless it is "auto"; then ova for at most kAutoAllLabelsMax labels, hs beyond.
LossChoice choose_classifier_loss(const std::string& requested, std::size_t labels);

}  // namespace embedtool
