#pragma once
// What a training run is asked to do: architecture, output head, window, schedule, threads.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace embedtool {

enum class Architecture {
  skipgram,  // the centre word's vector predicts each word of its window
  cbow,      // the average of the window's vectors predicts the centre word
};

// The output head (see README, "Choosing a loss"). `automatic` is resolved before training by
// choose_loss (loss_choice.h).
enum class LossKind { automatic, softmax, negative_sampling, hierarchical_softmax };

struct TrainSettings {
  Architecture architecture = Architecture::skipgram;
  LossKind loss = LossKind::automatic;
  std::size_t output_dim = 100;  // vector size D
  int window = 5;                // max context distance; each position samples 1..window
  int negatives = 5;             // noise words drawn per predicted word (negative sampling only)
  // Frequent-word subsampling threshold t (word2vec's -sample); 0 keeps every word.
  double sample = 1e-3;
  int epochs = 5;
  // Starting rate, decaying linearly to 1e-4 of it over the whole run. Unset: the
  // architecture's default (default_learning_rate).
  std::optional<float> learning_rate;
  // Worker threads, each on its own part of the corpus (lock-free "Hogwild" SGD on shared
  // weights). Only one thread makes a run reproducible bit for bit.
  int threads = 1;
  std::uint64_t seed = 1;
};

// word2vec's defaults: 0.025 for skip-gram, 0.05 for CBOW (whose averaged input moves each
// context row by the whole gradient, so it tolerates and needs a larger step).
float default_learning_rate(Architecture architecture);
float learning_rate_of(const TrainSettings& settings);

// Names as the command line and the model metadata spell them: "skipgram", "cbow"; "auto",
// "softmax", "ns", "hs".
std::string_view name_of(Architecture architecture);
std::string_view name_of(LossKind loss);

// Throws UsageError naming the command-line flag of the first impossible value (--output-dim,
// --window, --neg, --sample, --epochs, --lr, --threads). The trainer calls it; the CLI may call it
// earlier, before any corpus is read.
void validate(const TrainSettings& settings);

}  // namespace embedtool
