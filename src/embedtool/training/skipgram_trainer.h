#pragma once
// Skip-gram training of E by SGD through a full-softmax head: for each position, the centre
// word's row of E predicts every word in a window around it.
#include <cstdint>
#include <functional>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/training/train_settings.h"

namespace embedtool {

struct TrainProgress {
  std::uint64_t words_done = 0;   // centre words processed so far, all epochs
  std::uint64_t words_total = 0;  // epochs x words in the corpus
  int epoch = 0;                  // 1-based
  double average_loss = 0;        // mean loss per (centre, context) pair since the last report
  float learning_rate = 0;
  double elapsed_seconds = 0;
};

// Called every few hundred milliseconds and once at the end.
using ProgressCallback = std::function<void(const TrainProgress&)>;

struct TrainResult {
  Matrix vectors;               // E: vocabulary.input_dim() x settings.output_dim
  double final_average_loss = 0;  // mean loss per pair over the last epoch
  std::vector<double> epoch_average_losses;  // mean loss per pair of each epoch, in order
  std::uint64_t corpus_words = 0;  // in-vocabulary words per epoch
  double seconds = 0;
};

// Words with id < kFirstWordId in the sentences (padding, unknown) are dropped before windows are
// formed, as word2vec drops out-of-vocabulary words. Rows 0 and 1 of E come out as zeros.
// Throws Error if the loss becomes NaN or infinite (naming the learning rate), if a sentence holds
// an id beyond the vocabulary, or if the corpus has no vocabulary word at all; UsageError if the
// settings are impossible (see validate). Single-threaded: the same inputs and seed give the
// same E bit for bit.
TrainResult train_skipgram(const Vocabulary& vocabulary, SentenceSource& corpus,
                           const TrainSettings& settings, const ProgressCallback& on_progress = {});

}  // namespace embedtool
