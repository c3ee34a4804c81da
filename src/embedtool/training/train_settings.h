#pragma once
#include <cstddef>
#include <cstdint>

namespace embedtool {

struct TrainSettings {
  std::size_t output_dim = 100;  // vector size D
  int window = 5;                // max context distance; each position samples 1..window
  int epochs = 5;
  float learning_rate = 0.025f;  // decays linearly to learning_rate * 1e-4 over the whole run
  std::uint64_t seed = 1;
};

// Throws UsageError naming the command-line flag of the first impossible value (--output-dim,
// --window, --epochs, --lr). train_skipgram calls it; the CLI may call it earlier, before any
// corpus is read.
void validate(const TrainSettings& settings);

}  // namespace embedtool
