#include "embedtool/training/training_worker.h"
#include "embedtool/training/vocabulary_word_check.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/vector_kernels.h"

namespace embedtool {

TrainingWorker::TrainingWorker(SharedRun& run, SentenceSource& corpus, WorkerState& state)
    : run_(run),
      corpus_(corpus),
      state_(state),
      head_(run.heads.make(run.weights.output, state.random)),
      dim_(run.settings.output_dim.value()),
      window_(static_cast<std::size_t>(run.settings.window)),
      h_(dim_),
      grad_h_(dim_) {
  inputs_.reserve(2 * window_);  // grows once for a subword model's longer lists
  targets_.reserve(2 * window_);
  totals_.loss.store(state_.loss_total, std::memory_order_relaxed);
  totals_.predictions.store(state_.predictions_total, std::memory_order_relaxed);
}

void TrainingWorker::train() {
  const auto epochs_done = static_cast<int>(state_.epoch_losses.size());
  for (int epoch = epochs_done + 1; epoch <= *run_.settings.epochs; ++epoch) {
    // Before every epoch but the first, unless resuming part-way through this one: the worker
    // met the others before it in the run that made the checkpoint.
    if (epoch > 1 && state_.epoch != epoch && !meet_after(epoch - 1)) return;
    start_epoch(epoch);
    for (;;) {
      if (run_.gate.requested()) {
        state_.position = corpus_.position();
        head_->publish();  // the checkpoint saves the shared weights
        run_.gate.wait();
      }
      if (run_.stop.load(std::memory_order_relaxed)) {
        head_->publish();
        return;
      }
      if (!corpus_.next(sentence_)) break;
      train_sentence(sentence_, state_.sentences_done + 1);
      ++state_.sentences_done;
      totals_.loss.store(state_.loss_total, std::memory_order_relaxed);
      totals_.predictions.store(state_.predictions_total, std::memory_order_relaxed);
    }
    state_.epoch_losses.push_back(state_.loss_total - state_.epoch_loss_start);
    state_.epoch_predictions.push_back(state_.predictions_total - state_.epoch_predictions_start);
  }
  head_->publish();
}

bool TrainingWorker::meet_after(int epoch) {
  if (!run_.at_epoch_end) return true;
  head_->publish();  // the epoch's work is done on the shared weights
  if (run_.gate.meet()) {
    try {
      run_.at_epoch_end(epoch);
    } catch (...) {
      // Stopped before the others are let go, so that none trains on after the failure.
      run_.stop.store(true);
      run_.gate.end_meeting();
      throw;
    }
    run_.gate.end_meeting();
  }
  return !run_.stop.load();
}

void TrainingWorker::start_epoch(int epoch) {
  if (state_.epoch == epoch) {
    corpus_.seek(state_.position);  // a resumed run, part-way through this epoch
    return;
  }
  state_.epoch = epoch;
  state_.sentences_done = 0;
  state_.epoch_loss_start = state_.loss_total;
  state_.epoch_predictions_start = state_.predictions_total;
  corpus_.rewind();
}

void TrainingWorker::train_sentence(const Sequence& sentence, std::uint64_t sentence_number) {
  if (run_.settings.architecture == Architecture::supervised) {
    train_line(sentence, corpus_.labels(), sentence_number);
    return;
  }
  // Padding and unknown ids have no vector to learn and are dropped before windows are formed,
  // as word2vec drops out-of-vocabulary words; so are the words subsampling discards.
  const auto input_dim = static_cast<std::uint64_t>(run_.line_shape.input_dim);
  std::uint64_t vocabulary_words = 0;
  words_.clear();
  for (const WordId id : sentence) {
    if (!is_trained_word(id, input_dim, sentence_number)) continue;
    ++vocabulary_words;
    if (run_.subsampler.keep(id, state_.random)) words_.push_back(id);
  }
  finish_sentence(vocabulary_words, train_positions(current_rate()));
}

void TrainingWorker::train_line(const Sequence& line, std::span<const ClassId> labels,
                                std::uint64_t line_number) {
  // No subsampling: a line is one example, and its rare and frequent words alike make its h.
  std::uint64_t vocabulary_words = 0;
  for (const WordId id : line)
    if (is_trained_word(id, run_.line_shape.input_dim, line_number)) ++vocabulary_words;
  inputs_.clear();
  targets_.clear();
  append_line_input_rows(line, run_.line_shape, inputs_, run_.subwords);
  if (run_.all_labels_per_step)
    targets_.assign(labels.begin(), labels.end());
  else if (!labels.empty())
    targets_.push_back(labels[state_.random.next_below(labels.size())]);
  bool finite = true;
  if (!inputs_.empty() && !targets_.empty()) {
    const double loss =
        input_step(run_.weights.input, inputs_, targets_, *head_, current_rate(), h_, grad_h_,
                   InputUpdate::mean_gradient);
    finite = check_finite(loss);
    if (finite) {
      state_.loss_total += loss;
      state_.predictions_total += targets_.size();
    }
  }
  finish_sentence(vocabulary_words, finite);
}

// The rate is read once per sentence from the words all threads have done (a sentence is at
// most 10,000 words, word2vec's interval between updates of its rate).
float TrainingWorker::current_rate() const {
  return run_.learning_rate.at(run_.schedule.words_done.load(std::memory_order_relaxed));
}

void TrainingWorker::finish_sentence(std::uint64_t vocabulary_words, bool finite) {
  run_.schedule.words_done.fetch_add(vocabulary_words, std::memory_order_relaxed);
  if (!finite) run_.stop.store(true, std::memory_order_relaxed);
}

bool TrainingWorker::check_finite(double loss) {
  if (std::isfinite(loss)) return true;
  divergence_ = Divergence{loss, state_.epoch};
  return false;
}

void TrainingWorker::collect_step(std::size_t centre) {
  // As word2vec: the effective window is drawn per position, so near neighbours are in the
  // context more often than far ones.
  const std::size_t reach = 1 + state_.random.next_below(window_);
  const std::size_t first = centre >= reach ? centre - reach : 0;
  const std::size_t last = std::min(words_.size() - 1, centre + reach);
  const bool cbow = run_.settings.architecture == Architecture::cbow;
  inputs_.clear();
  targets_.clear();
  for (std::size_t position = first; position <= last; ++position) {
    if (position == centre) continue;
    if (cbow)
      add_inputs_of(words_[position]);
    else
      targets_.push_back(words_[position] - kFirstWordId);
  }
  if (cbow)
    targets_.push_back(words_[centre] - kFirstWordId);
  else
    add_inputs_of(words_[centre]);
}

void TrainingWorker::add_inputs_of(WordId word) {
  if (run_.subwords == nullptr) {
    inputs_.push_back(word);
    return;
  }
  // fastText's subword model: CBOW's h is the mean over every row of every context word.
  const std::span<const InputRow> rows = run_.subwords->rows(word);
  inputs_.insert(inputs_.end(), rows.begin(), rows.end());
}

bool TrainingWorker::train_positions(float learning_rate) {
  const std::size_t length = words_.size();
  // The row of E not yet in the cache at the next position, to fetch while this one trains: the
  // next centre (skip-gram), or the word entering the largest window next (CBOW).
  const std::size_t lookahead = run_.settings.architecture == Architecture::cbow ? window_ + 1 : 1;
  for (std::size_t centre = 0; centre < length; ++centre) {
    if (centre + lookahead < length)
      kernels::prefetch_row(run_.weights.input.row(words_[centre + lookahead]).data(), dim_);
    collect_step(centre);
    // A one-word sentence has no context: nothing to predict, or nothing to predict from.
    if (inputs_.empty() || targets_.empty()) continue;
    const double loss =
        input_step(run_.weights.input, inputs_, targets_, *head_, learning_rate, h_, grad_h_);
    if (!check_finite(loss)) return false;
    state_.loss_total += loss;
    state_.predictions_total += targets_.size();
  }
  return true;
}

}  // namespace embedtool
