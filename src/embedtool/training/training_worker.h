#pragma once
// One training thread: streams its part of the corpus once per epoch, drops reserved ids,
// subsamples frequent words, draws a window for each position and takes one SGD step per
// position through its own Head, on weights it shares with the other threads without locks.
#include <atomic>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "embedtool/training/head.h"
#include "embedtool/training/input_step.h"
#include "embedtool/training/learning_rate.h"
#include "embedtool/training/line_input_rows.h"
#include "embedtool/training/pause_gate.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/training/subsampling.h"
#include "embedtool/training/train_settings.h"
#include "embedtool/training/training_state.h"
#include "embedtool/training/word_subword_rows.h"

namespace embedtool {

// What all workers of a run share: read-only settings and tables, the weights and schedule they
// all update, and the flag that stops them.
struct SharedRun {
  const TrainSettings& settings;
  const Subsampler& subsampler;
  const HeadFamily& heads;
  // The vocabulary's input_dim (word ids are below it) and, for a classifier, the word n-gram
  // buckets below E's rows in the input table (line_input_rows.h).
  const LineInputShape& line_shape;
  // A subword model's rows per word (its own and its character n-grams'); null: a word is its
  // row alone.
  const WordSubwordRows* subwords;
  // A classifier's step predicts every label of its line (heads with an independent probability
  // per class), or one drawn at random per step (heads whose classes share one distribution,
  // which cannot put all its mass on two labels at once: fastText draws one too).
  bool all_labels_per_step;
  const LinearDecay& learning_rate;
  ModelWeights& weights;
  ScheduleState& schedule;
  std::atomic<bool>& stop;  // set by a worker that fails or diverges; all stop at the next sentence
  PauseGate& gate;          // where workers wait while a checkpoint is written
  // Run by the last worker to finish epoch e (e < the run's epochs) while the others wait at
  // the gate's meeting; empty: workers do not meet at epoch ends.
  const std::function<void(int epoch)>& at_epoch_end;
};

// A loss that stopped being finite, and where.
struct Divergence {
  double loss;
  int epoch;
};

// Running totals a worker publishes after each sentence for the progress monitor to read (one
// writer each; their own cache line, so publishing does not slow the other threads).
struct alignas(64) WorkerTotals {
  std::atomic<double> loss{0};
  std::atomic<std::uint64_t> predictions{0};
};

class TrainingWorker {
 public:
  TrainingWorker(SharedRun& run, SentenceSource& corpus, WorkerState& state);

  // The epochs of this worker's part that its state has not finished, from where the state says
  // (a resumed run: the same epoch and position in the part); returns early when run.stop is
  // set, or after setting it on divergence. Between sentences, waits at run.gate when asked to,
  // after noting its position in the state. Throws Error for an id outside the vocabulary.
  void train();

  const WorkerTotals& totals() const { return totals_; }
  // Summed loss and predictions of each epoch this worker finished.
  const std::vector<double>& epoch_losses() const { return state_.epoch_losses; }
  const std::vector<std::uint64_t>& epoch_predictions() const { return state_.epoch_predictions; }
  const std::optional<Divergence>& divergence() const { return divergence_; }

 private:
  // Meets the other workers after `epoch` when the run asks for it; false: the run stopped.
  bool meet_after(int epoch);
  // Rewinds the part for a new epoch, or seeks to the state's position in the epoch it resumes.
  void start_epoch(int epoch);
  void train_sentence(const Sequence& sentence, std::uint64_t sentence_number);
  // A classifier's line: one step, its input rows (line_input_rows.h) predicting its labels.
  void train_line(const Sequence& line, std::span<const ClassId> labels,
                  std::uint64_t line_number);
  // Counts the line's vocabulary words into the run's schedule, and stops the run on divergence.
  void finish_sentence(std::uint64_t vocabulary_words, bool finite);
  float current_rate() const;
  // One step per position of words_: return false on divergence.
  bool train_positions(float learning_rate);
  // Draws the window around words_[centre] and makes the position's step: skip-gram's inputs
  // are the centre and its targets the window's other words; CBOW's the other way round.
  void collect_step(std::size_t centre);
  // Appends the input rows of `word`: its row, and a subword model's n-gram rows.
  void add_inputs_of(WordId word);
  bool check_finite(double loss);

  SharedRun& run_;
  SentenceSource& corpus_;
  WorkerState& state_;
  std::unique_ptr<Head> head_;
  const std::size_t dim_;
  const std::size_t window_;

  // Buffers reused by every step: after the first long sentence, the loop never allocates.
  Sequence sentence_;
  Sequence words_;               // the sentence's vocabulary words that survived subsampling
  std::vector<InputRow> inputs_;  // the rows of E whose mean is h
  std::vector<ClassId> targets_;  // the classes the head predicts from h
  std::vector<float> h_;
  std::vector<float> grad_h_;

  WorkerTotals totals_;
  std::optional<Divergence> divergence_;
};

}  // namespace embedtool
