#include "embedtool/training/trainer.h"
#include "embedtool/training/word_subword_rows.h"
#include "embedtool/training/vocabulary_word_check.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/learning_rate.h"
#include "embedtool/training/message_number.h"
#include "embedtool/training/pause_gate.h"
#include "embedtool/training/progress_monitor.h"
#include "embedtool/training/random.h"
#include "embedtool/training/resolve_settings.h"
#include "embedtool/training/sync_taker.h"
#include "embedtool/training/subsampling.h"
#include "embedtool/training/thread_team.h"
#include "embedtool/training/training_state.h"
#include "embedtool/training/training_worker.h"

namespace embedtool {
namespace {

// A first pass over the corpus, one thread per part, when the number of words per epoch is not
// known: the learning rate decays by the share of the run done, and progress shows a total.
// Nothing is kept, so streaming sources stay streaming. Ids beyond the vocabulary are reported
// here, before any training.
std::uint64_t count_vocabulary_words(const Corpus& corpus, std::size_t input_dim, int threads) {
  const auto parts = static_cast<std::size_t>(threads);
  std::vector<std::uint64_t> counts(parts, 0);
  run_thread_team(parts, [&](std::size_t index) {
    const std::unique_ptr<SentenceSource> source = corpus.part(index, parts);
    Sequence sentence;
    std::uint64_t sentence_number = 0;
    std::uint64_t count = 0;
    while (source->next(sentence)) {
      ++sentence_number;
      for (const WordId id : sentence) {
        if (is_trained_word(id, input_dim, sentence_number)) ++count;
      }
    }
    counts[index] = count;
  });
  std::uint64_t total = 0;
  for (const std::uint64_t count : counts) total += count;
  return total;
}

// Uniform in [-1/dim, 1/dim): small enough that the first scores are near zero, asymmetric
// enough that words start apart. This is gensim 4's range, twice word2vec's ±0.5/dim: the head
// starts at zero and learns at a rate proportional to |h|, and a CBOW context average shrinks
// |h| further, so the wider start trains faster early on. Measured on en-norm at lr 0.025
// (docs/BENCHMARKS.md): better WordSim and analogy for skip-gram and CBOW with negative
// sampling, no change for CBOW with hs. Rows of the reserved ids stay zero; never trained.
Matrix initial_vectors(std::size_t input_dim, std::size_t dim, Random& random) {
  Matrix vectors =
      Matrix::Zero(static_cast<Eigen::Index>(input_dim), static_cast<Eigen::Index>(dim));
  const float scale = 2.0f / static_cast<float>(dim);
  for (Eigen::Index row = kFirstWordId; row < vectors.rows(); ++row)
    for (Eigen::Index col = 0; col < vectors.cols(); ++col)
      vectors(row, col) = (random.next_unit_float() - 0.5f) * scale;
  return vectors;
}

[[noreturn]] void throw_diverged(const Divergence& divergence, float learning_rate) {
  throw TrainingDiverged(std::string("training diverged (loss is ") +
              (std::isnan(divergence.loss) ? "nan" : "inf") + " at epoch " +
              std::to_string(divergence.epoch) + ", learning rate " + message_number(learning_rate) +
              "); try a smaller --lr");
}

// A word's class is its id − kFirstWordId; it is counted as often as the word.
std::vector<std::uint64_t> word_class_counts(const Vocabulary& vocabulary) {
  std::vector<std::uint64_t> counts(vocabulary.word_count());
  for (std::size_t k = 0; k < counts.size(); ++k)
    counts[k] = vocabulary.count(static_cast<WordId>(k) + kFirstWordId);
  return counts;
}

// The settings must come resolved (resolve_settings): the loss a registered head, the rate set.
const HeadKind& resolved_head(const TrainSettings& settings) {
  if (!is_resolved(settings))
    throw std::logic_error("train_embeddings needs resolved settings (resolve_settings)");
  return *find_head_kind(settings.loss);
}

// A checkpoint made by another run shape would index rows or parts that do not exist.
void check_resumable(const TrainingCheckpoint& checkpoint, std::size_t input_dim, std::size_t dim,
                     std::size_t head_rows, const TrainSettings& settings) {
  const auto shape = [](const Matrix& m) {
    return std::to_string(m.rows()) + " x " + std::to_string(m.cols());
  };
  const ModelWeights& weights = checkpoint.weights;
  if (static_cast<std::size_t>(weights.input.rows()) != input_dim ||
      static_cast<std::size_t>(weights.input.cols()) != dim ||
      static_cast<std::size_t>(weights.output.rows()) != head_rows ||
      static_cast<std::size_t>(weights.output.cols()) != dim)
    throw Error("the checkpoint's weights (" + shape(weights.input) + " and " +
                shape(weights.output) + ") do not fit this vocabulary and --output-dim");
  const RunPosition& position = checkpoint.position;
  if (position.workers.size() != static_cast<std::size_t>(settings.threads))
    throw Error("the checkpoint was made with " + std::to_string(position.workers.size()) +
                " threads, not " + std::to_string(settings.threads));
  for (const WorkerState& worker : position.workers) {
    if (worker.epoch < 0 || worker.epoch > *settings.epochs ||
        worker.epoch_losses.size() > static_cast<std::size_t>(*settings.epochs) ||
        worker.epoch_losses.size() != worker.epoch_predictions.size())
      throw Error("the checkpoint's epochs do not fit --epochs " + std::to_string(*settings.epochs));
  }
  if (position.words_per_epoch == 0)
    throw Error("the checkpoint says the corpus has no words in the vocabulary");
}

// Pauses the workers, hands a consistent copy of the run's position and the weights to
// on_checkpoint, and lets them go on (or stop). Runs on the caller's thread.
class CheckpointTaker {
 public:
  CheckpointTaker(const TrainControl& control, PauseGate& gate, std::atomic<bool>& stop,
                  const ScheduleState& schedule,
                  const std::vector<std::unique_ptr<WorkerState>>& states,
                  const ModelWeights& weights)
      : control_(control), gate_(gate), stop_(stop), schedule_(schedule), states_(states),
        weights_(weights) {}

  void poll() {
    if (!control_.poll || stopped_) return;
    const CheckpointRequest request = control_.poll();
    if (request == CheckpointRequest::none) return;
    gate_.pause_all();
    // Let the workers go whatever happens here: an exception from on_checkpoint fails the run,
    // and a worker left waiting would never finish.
    struct Resume {
      PauseGate& gate;
      ~Resume() { gate.resume(); }
    } resume{gate_};
    take_paused(request);
  }

  // What this process asks for now (polled by the syncs of a run over several processes).
  CheckpointRequest wanted() {
    return control_.poll && !stopped_ ? control_.poll() : CheckpointRequest::none;
  }

  // Takes one while the workers are paused (by poll, or by a sync).
  void take_paused(CheckpointRequest request) {
    // A run that failed or diverged meanwhile has nothing worth saving.
    if (request == CheckpointRequest::none || stop_.load()) return;
    RunPosition position;
    position.words_per_epoch = schedule_.words_per_epoch;
    position.words_done = schedule_.words_done.load();
    for (const auto& state : states_) position.workers.push_back(*state);
    control_.on_checkpoint(position, weights_);
    if (request == CheckpointRequest::save_and_stop) {
      stopped_ = true;
      stop_.store(true);
    }
  }

  bool stopped() const { return stopped_; }

 private:
  const TrainControl& control_;
  PauseGate& gate_;
  std::atomic<bool>& stop_;
  const ScheduleState& schedule_;
  const std::vector<std::unique_ptr<WorkerState>>& states_;
  const ModelWeights& weights_;
  bool stopped_ = false;
};

// The rows a run over several processes combines far more often than the rest (model_sync.h):
// the most frequent words' rows of E (the vocabulary numbers words by falling count), as many as
// the head's rows that a thread with company keeps copies of, and those rows of the head; and
// the same extended to kWiderBusyRows rows, from the same end of each matrix.
BusyRows busy_rows(const HeadKind& head_kind, std::size_t classes, std::size_t input_dim) {
  const HeadShape shape = head_kind.shape(classes, 2);
  // The hot rows of a softmax or ova head are all its rows: the most frequent classes suffice.
  const auto head_range = [&shape](std::size_t count) {
    const std::size_t rows = std::min(count, shape.weight_rows);
    return shape.hot.first == 0 ? RowRange{0, rows} : RowRange{shape.weight_rows - rows, rows};
  };
  const std::size_t words = input_dim > kFirstWordId ? input_dim - kFirstWordId : 0;
  BusyRows busy;
  busy.output = head_range(kHotRowsPerThread);
  busy.input = {kFirstWordId, std::min(kHotRowsPerThread, words)};
  busy.wider_output = head_range(kWiderBusyRows);
  busy.wider_input = {kFirstWordId, std::min(kWiderBusyRows, words)};
  return busy;
}

// Both kinds of model: the classes and their counts are the vocabulary's words or the labels.
TrainResult train_model_weights(const Vocabulary& vocabulary,
                                std::span<const std::uint64_t> class_counts,
                                const Corpus& corpus, const TrainSettings& settings,
                                const ProgressCallback& on_progress, TrainControl control) {
  const HeadKind& head_kind = resolved_head(settings);
  const std::size_t input_dim = vocabulary.input_dim();
  const bool supervised = settings.architecture == Architecture::supervised;
  const CharNgramRange char_ngrams{static_cast<std::uint32_t>(settings.minn),
                                   static_cast<std::uint32_t>(settings.maxn)};
  // A word model's subwords enter through WordSubwordRows alone; a classifier's through its
  // line's rows too (line_input_rows.h), in the buckets its word n-grams share.
  const LineInputShape line_shape{input_dim, supervised ? *settings.word_ngrams : 1,
                                  supervised ? settings.buckets.value_or(0) : 0,
                                  supervised ? char_ngrams : CharNgramRange{}};
  std::optional<WordSubwordRows> subwords;
  if (settings.has_char_ngrams())
    subwords.emplace(vocabulary, char_ngrams, settings.buckets.value());
  // E's rows, then the bucket rows of a classifier's word n-grams or a word model's subwords.
  const auto table_rows = static_cast<std::size_t>(
      input_dim + (settings.has_buckets() ? settings.buckets.value_or(0) : 0));
  const std::size_t dim = settings.output_dim.value();
  const auto threads = static_cast<std::size_t>(settings.threads);
  const float start_rate = *settings.learning_rate;
  const std::unique_ptr<HeadFamily> heads =
      head_kind.make_family(
          {class_counts, settings.negatives, settings.threads, settings.ns_exponent});
  const std::size_t head_rows = heads->shape().weight_rows;
  if (control.resume) check_resumable(*control.resume, table_rows, dim, head_rows, settings);

  ScheduleState schedule;
  schedule.epochs = *settings.epochs;
  if (control.resume)
    schedule.words_per_epoch = control.resume->position.words_per_epoch;
  else
    schedule.words_per_epoch = corpus.known_word_count().value_or(0) > 0
                                   ? *corpus.known_word_count()
                                   : count_vocabulary_words(corpus, input_dim, settings.threads);
  if (control.sync) control.sync->start(schedule);
  if (schedule.words_per_epoch == 0)
    throw Error("the corpus has no words in the vocabulary; nothing to train on");
  const LinearDecay learning_rate(start_rate, schedule.words_total());

  // One generator for the initial E, then one per thread seeded from it, so that a seed fixes
  // everything a one-thread run draws. A resumed run takes all of it from the checkpoint.
  ModelWeights weights;
  std::vector<std::unique_ptr<WorkerState>> states;
  if (control.resume) {
    weights = std::move(control.resume->weights);
    schedule.words_done.store(control.resume->position.words_done);
    for (const WorkerState& state : control.resume->position.workers)
      states.push_back(std::make_unique<WorkerState>(state));
    control.resume.reset();
  } else {
    Random seeds(settings.seed);
    weights.input = initial_vectors(table_rows, dim, seeds);  // the same in every process
    if (control.sync)
      for (std::size_t i = 0; i < control.sync->process_index() * threads; ++i) seeds.next_u64();
    if (control.initialize) control.initialize(weights.input);
    weights.output = Matrix::Zero(static_cast<Eigen::Index>(head_rows),
                                  static_cast<Eigen::Index>(dim));
    for (std::size_t i = 0; i < threads; ++i)
      states.push_back(std::make_unique<WorkerState>(seeds.next_u64()));
  }
  const Subsampler subsampler(vocabulary, settings.sample);

  // A copy of the weights at the end of the last epoch on_epoch_end chose, while later epochs
  // train (control.on_epoch_end).
  std::optional<ModelWeights> kept;
  int kept_epoch = 0;
  const auto end_epoch = [&](int epoch) {
    if (!control.on_epoch_end(epoch, weights)) return;
    kept = weights;
    kept_epoch = epoch;
  };
  std::function<void(int)> at_epoch_end;
  if (control.on_epoch_end) at_epoch_end = end_epoch;

  std::atomic<bool> stop{false};
  PauseGate gate(threads);
  SharedRun run{settings,      subsampler, *heads,   line_shape,
                subwords ? &*subwords : nullptr,
                supervised && !head_kind.predicts_distribution,
                learning_rate, weights,    schedule, stop,       gate, at_epoch_end};
  std::vector<std::unique_ptr<SentenceSource>> parts;
  std::vector<std::unique_ptr<TrainingWorker>> workers;
  std::vector<const WorkerTotals*> totals;
  for (std::size_t i = 0; i < threads; ++i) {
    parts.push_back(corpus.part(i, threads));
    workers.push_back(std::make_unique<TrainingWorker>(run, *parts.back(), *states[i]));
    totals.push_back(&workers.back()->totals());
  }

  ProgressMonitor monitor(on_progress, schedule, learning_rate, settings.threads, totals);
  CheckpointTaker checkpoints(control, gate, stop, schedule, states, weights);
  // With other processes, checkpoints are taken at syncs, when they all agree to (sync_taker.h).
  SyncTaker syncs(control.sync, gate, schedule, weights,
                  busy_rows(head_kind, class_counts.size(), input_dim),
                  {[&] { return checkpoints.wanted(); },
                   [&](CheckpointRequest request) { checkpoints.take_paused(request); }});
  ThreadTeamHooks hooks;
  // Progress is reported at its own pace even when checkpoints are polled more often.
  hooks.interval = control.poll ? std::min(control.poll_interval, ProgressMonitor::kInterval)
                                : ProgressMonitor::kInterval;
  if (control.sync) hooks.interval = std::min(hooks.interval, control.sync->poll_interval());
  if (on_progress || control.poll || control.sync) {
    hooks.while_waiting = [&] {
      syncs.poll();
      if (on_progress && monitor.due()) monitor.report(totals);
      if (!control.sync) checkpoints.poll();
    };
  }
  hooks.on_failure = [&] { stop.store(true); };
  run_thread_team(
      threads,
      [&](std::size_t i) {
        struct Leave {
          PauseGate& gate;
          ~Leave() { gate.leave(); }
        } leave{gate};
        workers[i]->train();
      },
      hooks);

  for (const auto& worker : workers)
    if (worker->divergence()) throw_diverged(*worker->divergence(), start_rate);
  syncs.finish();
  TrainResult result;
  result.loss = settings.loss;
  result.corpus_words = schedule.words_per_epoch;
  result.seconds = monitor.elapsed_seconds();
  if (checkpoints.stopped()) {
    result.stopped = true;
    return result;
  }
  monitor.report(totals);
  result.epoch = *settings.epochs;
  if (control.on_epoch_end && !control.on_epoch_end(result.epoch, weights) && kept) {
    weights = std::move(*kept);
    result.epoch = kept_epoch;
  }
  kept.reset();

  for (std::size_t epoch = 0; epoch < static_cast<std::size_t>(*settings.epochs); ++epoch) {
    double epoch_loss = 0;
    std::uint64_t epoch_predictions = 0;
    for (const auto& worker : workers) {
      epoch_loss += worker->epoch_losses().at(epoch);
      epoch_predictions += worker->epoch_predictions().at(epoch);
    }
    result.epoch_average_losses.push_back(
        epoch_predictions ? epoch_loss / static_cast<double>(epoch_predictions) : 0);
  }
  result.final_average_loss =
      result.epoch_average_losses.at(static_cast<std::size_t>(result.epoch - 1));
  result.seconds = monitor.elapsed_seconds();
  if (table_rows > input_dim) {
    // E's rows are copied out and the buckets, usually the larger part, are moved up within
    // the table, which then shrinks in place: the split costs E's size, not the table's again.
    const auto words = static_cast<Eigen::Index>(input_dim);
    const Eigen::Index buckets = weights.input.rows() - words;
    // A subword model's word vectors are fastText's: each word's row and n-gram rows averaged,
    // what every lookup of the word must give (the raw rows are its input_step's parts).
    result.vectors = subwords ? subword_word_vectors(weights.input, *subwords, input_dim)
                              : Matrix(weights.input.topRows(words));
    std::memmove(weights.input.data(), weights.input.row(words).data(),
                 sizeof(float) * static_cast<std::size_t>(buckets * weights.input.cols()));
    weights.input.conservativeResize(buckets, Eigen::NoChange);
    result.bucket_rows = std::move(weights.input);
  } else {
    result.vectors = std::move(weights.input);
  }
  result.head_weights = std::move(weights.output);
  return result;
}

}  // namespace

TrainResult train_embeddings(const Vocabulary& vocabulary, const Corpus& corpus,
                             const TrainSettings& settings, const ProgressCallback& on_progress,
                             TrainControl control) {
  if (settings.architecture == Architecture::supervised)
    throw std::logic_error("train_embeddings trains word models; a classifier needs its labels");
  const std::vector<std::uint64_t> class_counts = word_class_counts(vocabulary);
  return train_model_weights(vocabulary, class_counts, corpus, settings, on_progress,
                             std::move(control));
}

TrainResult train_classifier(const Vocabulary& vocabulary, const LabelSet& labels,
                             const Corpus& corpus, const TrainSettings& settings,
                             const ProgressCallback& on_progress, TrainControl control) {
  if (settings.architecture != Architecture::supervised)
    throw std::logic_error("train_classifier needs settings.architecture == supervised");
  if (labels.empty()) throw Error("there are no labels to train a classifier on");
  return train_model_weights(vocabulary, labels.counts(), corpus, settings, on_progress,
                             std::move(control));
}

}  // namespace embedtool
