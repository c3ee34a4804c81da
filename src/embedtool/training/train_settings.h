#pragma once
// What a training run is asked to do: architecture, output head, window, schedule, threads.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace embedtool {

enum class Architecture {
  skipgram,  // the centre word's vector predicts each word of its window
  cbow,      // the average of the window's vectors predicts the centre word
  // a classifier (train --supervised): the average of a line's word (and word n-gram) vectors
  // predicts its labels (training/line_input_rows.h)
  supervised,
};

inline constexpr std::size_t kDefaultOutputDim = 100;
inline constexpr int kDefaultEpochs = 5;
// Word bigrams: +4.7, +0.6 and +4.3 points of test accuracy over words alone on TREC-6, TREC-50
// and MR (ova, lr 0.25, 50 epochs); trigrams 0 to 4 points below bigrams (softmax) (README,
// "Classifying text").
inline constexpr int kClassifierWordNgrams = 2;

inline constexpr double kWord2vecNsExponent = 0.75;

struct TrainSettings {
  Architecture architecture = Architecture::skipgram;
  // The output head: a name in training/heads/head_registry.h, or "auto", which
  // resolve_settings turns into one (loss_choice.h; README, "Choosing a loss").
  std::string loss = "auto";
  // Vector size D. Unset: the --init vectors' size, else kDefaultOutputDim (resolve_settings).
  std::optional<std::size_t> output_dim;
  int window = 5;                // max context distance; each position samples 1..window
  int negatives = 5;             // noise words drawn per predicted word (negative sampling only)
  // Negative sampling draws a noise word with probability proportional to count^ns_exponent
  // (gensim's ns_exponent): 1 follows the counts, 0 is uniform. word2vec's 0.75 for every
  // model: fastText's 0.5 was measured for subword models on en-norm (skip-gram, n-grams of 3
  // to 6, 3 seeds) and gained 0.25 analogy points on the whole corpus but lost 4 on its first
  // tenth, and WordSim-353 on both (docs/BENCHMARKS.md).
  double ns_exponent = kWord2vecNsExponent;
  // Frequent-word subsampling threshold t (word2vec's -sample); 0 keeps every word.
  double sample = 1e-3;
  // Passes over the corpus. Unset: kDefaultEpochs for word models, and for a classifier a number
  // chosen from its labelled lines (resolve_settings).
  std::optional<int> epochs;
  // Starting rate, decaying linearly to 1e-4 of it over the whole run. Unset: the
  // architecture's default (default_learning_rate).
  std::optional<float> learning_rate;
  // Worker threads, each on its own part of the corpus (lock-free "Hogwild" SGD on shared
  // weights). Only one thread makes a run reproducible bit for bit.
  int threads = 1;
  std::uint64_t seed = 1;
  // Supervised only. The longest word n-gram among a line's inputs (1: words alone; unset:
  // kClassifierWordNgrams). resolve_settings sets it.
  std::optional<int> word_ngrams;
  // A word's input is its own row and the rows of its character n-grams of minn..maxn
  // characters (fastText's subwords, text/char_ngrams.h); maxn 0: the word's row alone. For a
  // classifier, in the same buckets as its word n-grams (line_input_rows.h).
  int minn = 0;
  int maxn = 0;
  // How many bucket rows the n-grams (a classifier's word n-grams, a word model's character
  // n-grams) are hashed into; unset: sized by resolve_settings (auto_buckets). Buckets exist only
  // when word_ngrams > 1 or maxn > 0 (has_buckets).
  std::optional<std::uint64_t> buckets;

  bool has_char_ngrams() const { return maxn > 0; }
  bool has_word_ngrams() const {
    return architecture == Architecture::supervised && word_ngrams.value_or(1) > 1;
  }
  bool has_buckets() const { return has_char_ngrams() || has_word_ngrams(); }
};

// word2vec's defaults: 0.025 for skip-gram, 0.05 for CBOW (whose averaged input moves each
// context row by the whole gradient, so it tolerates and needs a larger step); 0.1 for a
// classifier (measured with the classifier's other defaults: README, "Classifying text").
float default_learning_rate(Architecture architecture);
float learning_rate_of(const TrainSettings& settings);

// Names as the command line and the model metadata spell them: "skipgram", "cbow",
// "supervised".
std::string_view name_of(Architecture architecture);

// Throws UsageError naming the command-line flag of the first impossible value (--output-dim,
// --window, --neg, --sample, --epochs, --lr, --threads, --loss, --word-ngrams, --minn, --maxn,
// --buckets). train_model calls it once, before the corpus is read (resolve_settings expects settings that passed it); the CLI calls it earlier too, so
// that a bad flag fails before standard input is spooled.
void validate(const TrainSettings& settings);

}  // namespace embedtool
