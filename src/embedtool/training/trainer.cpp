#include "embedtool/training/trainer.h"
#include "embedtool/training/vocabulary_word_check.h"

#include <atomic>
#include <cmath>
#include <memory>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/head_factory.h"
#include "embedtool/training/learning_rate.h"
#include "embedtool/training/loss_choice.h"
#include "embedtool/training/number_text.h"
#include "embedtool/training/progress_monitor.h"
#include "embedtool/training/random.h"
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

// word2vec's initialisation: small enough that the first scores are near zero, asymmetric
// enough that words start apart. Rows of the reserved ids stay zero; they are never trained.
Matrix initial_vectors(std::size_t input_dim, std::size_t dim, Random& random) {
  Matrix vectors =
      Matrix::Zero(static_cast<Eigen::Index>(input_dim), static_cast<Eigen::Index>(dim));
  const float scale = 1.0f / static_cast<float>(dim);
  for (Eigen::Index row = kFirstWordId; row < vectors.rows(); ++row)
    for (Eigen::Index col = 0; col < vectors.cols(); ++col)
      vectors(row, col) = (random.next_unit_float() - 0.5f) * scale;
  return vectors;
}

[[noreturn]] void throw_diverged(const Divergence& divergence, float learning_rate) {
  throw Error(std::string("training diverged (loss is ") +
              (std::isnan(divergence.loss) ? "nan" : "inf") + " at epoch " +
              std::to_string(divergence.epoch) + ", learning rate " + number_text(learning_rate) +
              "); try a smaller --lr");
}

}  // namespace

TrainResult train_embeddings(const Vocabulary& vocabulary, const Corpus& corpus,
                             const TrainSettings& settings, const ProgressCallback& on_progress) {
  validate(settings);
  const std::size_t input_dim = vocabulary.input_dim();
  const std::size_t dim = settings.output_dim;
  const auto threads = static_cast<std::size_t>(settings.threads);
  const LossKind loss = choose_loss(settings.loss, vocabulary.word_count()).loss;
  const float start_rate = learning_rate_of(settings);

  ScheduleState schedule;
  schedule.epochs = settings.epochs;
  schedule.words_per_epoch = corpus.known_word_count().value_or(0) > 0
                                 ? *corpus.known_word_count()
                                 : count_vocabulary_words(corpus, input_dim, settings.threads);
  if (schedule.words_per_epoch == 0)
    throw Error("the corpus has no words in the vocabulary; nothing to train on");
  const LinearDecay learning_rate(start_rate, schedule.words_total());

  // One generator for the initial E, then one per thread seeded from it, so that a seed fixes
  // everything a one-thread run draws.
  Random seeds(settings.seed);
  const HeadFactory heads(loss, vocabulary, settings.negatives);
  ModelWeights weights;
  weights.input = initial_vectors(input_dim, dim, seeds);
  weights.output =
      Matrix::Zero(static_cast<Eigen::Index>(heads.weight_rows()), static_cast<Eigen::Index>(dim));
  const Subsampler subsampler(vocabulary, settings.sample);

  std::atomic<bool> stop{false};
  SharedRun run{settings, subsampler, heads, learning_rate, weights, schedule, stop};
  std::vector<std::unique_ptr<SentenceSource>> parts;
  std::vector<std::unique_ptr<WorkerState>> states;
  std::vector<std::unique_ptr<TrainingWorker>> workers;
  std::vector<const WorkerTotals*> totals;
  for (std::size_t i = 0; i < threads; ++i) {
    parts.push_back(corpus.part(i, threads));
    states.push_back(std::make_unique<WorkerState>(seeds.next_u64()));
    workers.push_back(std::make_unique<TrainingWorker>(run, *parts.back(), *states.back()));
    totals.push_back(&workers.back()->totals());
  }

  ProgressMonitor monitor(on_progress, schedule, learning_rate, settings.threads);
  ThreadTeamHooks hooks;
  hooks.interval = ProgressMonitor::kInterval;
  if (on_progress) hooks.while_waiting = [&] { monitor.report(totals); };
  hooks.on_failure = [&] { stop.store(true); };
  run_thread_team(
      threads, [&](std::size_t i) { workers[i]->train(); }, hooks);

  for (const auto& worker : workers)
    if (worker->divergence()) throw_diverged(*worker->divergence(), start_rate);
  monitor.report(totals);

  TrainResult result;
  result.loss = loss;
  result.corpus_words = schedule.words_per_epoch;
  for (std::size_t epoch = 0; epoch < static_cast<std::size_t>(settings.epochs); ++epoch) {
    double epoch_loss = 0;
    std::uint64_t epoch_predictions = 0;
    for (const auto& worker : workers) {
      epoch_loss += worker->epoch_losses().at(epoch);
      epoch_predictions += worker->epoch_predictions().at(epoch);
    }
    result.epoch_average_losses.push_back(
        epoch_predictions ? epoch_loss / static_cast<double>(epoch_predictions) : 0);
  }
  result.final_average_loss = result.epoch_average_losses.back();
  result.seconds = monitor.elapsed_seconds();
  result.vectors = std::move(weights.input);
  return result;
}

}  // namespace embedtool
