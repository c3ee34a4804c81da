#pragma once
// Trains E by SGD: skip-gram or CBOW, through the softmax, negative-sampling or hierarchical-
// softmax head, on several threads that each stream their own part of the corpus and update the
// shared weights without locks (Hogwild, as word2vec, fastText and gensim do).
#include <cstdint>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/model.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/training/train_control.h"
#include "embedtool/training/train_progress.h"
#include "embedtool/training/train_settings.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

struct TrainResult {
  Matrix vectors;        // E: vocabulary.input_dim() x settings.output_dim
  Matrix bucket_rows;    // a classifier's word n-gram rows (line_input_rows.h); empty otherwise
  Matrix head_weights;   // the head's W, as head_kinds() says its rows are laid out
  std::string loss;      // the head used (settings.loss)
  // The epoch whose weights these are: the last, unless TrainControl::on_epoch_end chose another.
  int epoch = 0;
  double final_average_loss = 0;             // mean loss per prediction over `epoch`
  std::vector<double> epoch_average_losses;  // mean loss per prediction of each epoch, in order
  std::uint64_t corpus_words = 0;            // vocabulary words per epoch
  double seconds = 0;
  // A checkpoint asked for a stop (CheckpointRequest::save_and_stop) and was written: the run
  // ended early, and `vectors` and the losses are empty.
  bool stopped = false;
};

// The loss stopped being finite: the learning rate was too large for the data (an Error like
// any other to the CLI; autotune drops the trial and goes on).
class TrainingDiverged : public Error {
 public:
  using Error::Error;
};

// Words with id < kFirstWordId in the sentences (padding, unknown) are dropped before windows are
// formed, as word2vec drops out-of-vocabulary words. Rows 0 and 1 of E come out as zeros.
// Throws Error if the loss becomes NaN or infinite (naming the learning rate), if a sentence holds
// an id beyond the vocabulary, or if the corpus has no vocabulary word at all. `settings` must be
// validated and resolved (resolve_settings.h): the trainer chooses nothing itself. With settings.threads == 1 the same inputs and seed give
// the same E bit for bit; with more, the interleaving of the threads' updates varies from run to
// run. `control` (train_control.h): checkpoints, resuming, initial rows; a checkpoint that does
// not fit the vocabulary, the settings or the thread count is an Error.
TrainResult train_embeddings(const Vocabulary& vocabulary, const Corpus& corpus,
                             const TrainSettings& settings,
                             const ProgressCallback& on_progress = {}, TrainControl control = {});

// A classifier (settings.architecture == supervised): each sentence of the corpus is a line
// whose labels() are classes of `labels`; one step per line, h the mean of its input rows
// (line_input_rows.h: its words, and with settings.word_ngrams > 1 its hashed n-grams in
// *settings.buckets rows below E's), the head over the labels. Lines without labels or without a
// vocabulary word train nothing. The same rules as above otherwise.
TrainResult train_classifier(const Vocabulary& vocabulary, const LabelSet& labels,
                             const Corpus& corpus, const TrainSettings& settings,
                             const ProgressCallback& on_progress = {}, TrainControl control = {});

}  // namespace embedtool
