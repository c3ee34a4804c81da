#include "embedtool/cluster/rank_sync.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <vector>

#include "embedtool/cluster/agreeing_changes.h"
#include "embedtool/errors.h"

namespace embedtool {

SyncInterval parse_sync_interval(const std::string& text, const std::string& option) {
  const char* begin = text.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  std::string unit(end);
  if (unit.size() > 5 && unit.substr(unit.size() - 5) == "words") unit.resize(unit.size() - 5);
  SyncInterval interval;
  double scale = 0;
  bool words = true;
  if (unit.empty()) scale = 1;
  else if (unit == "k") scale = 1e3;
  else if (unit == "M") scale = 1e6;
  else if (unit == "G") scale = 1e9;
  else if (unit == "ms") scale = 1, words = false;
  else if (unit == "s") scale = 1e3, words = false;
  else if (unit == "m" || unit == "min") scale = 60e3, words = false;
  const double value = number * scale;
  if (end == begin || scale == 0 || !(value >= 1) || value > 1e15)
    throw UsageError(option + " takes a number of words (500k, 2M) or a time (500ms, 2s) "
                     "(got \"" + text + "\")");
  if (words)
    interval.words = static_cast<std::uint64_t>(std::llround(value));
  else
    interval.period = std::chrono::milliseconds(static_cast<long long>(std::llround(value)));
  return interval;
}

RankSync::RankSync(RankGroup& ranks, SyncInterval interval, std::chrono::milliseconds busy_period)
    : ranks_(ranks), interval_(interval), busy_(ranks, busy_period) {}

void RankSync::begin(const ModelWeights& weights, const BusyRows& busy) {
  base_ = weights;
  busiest_ = busy;
  busy_.begin(busy, static_cast<std::size_t>(weights.input.cols()));
  costs_.bytes_per_exchange = busy_.bytes_per_exchange();
}

std::chrono::milliseconds RankSync::poll_interval() const {
  // The busy rows' exchange is started and moved on from the polls (MPI progresses it only
  // inside MPI calls): a few polls per period.
  if (busy_.enabled())
    return std::clamp(busy_.period() / 4, std::chrono::milliseconds(1),
                      std::chrono::milliseconds(10));
  // A rank that reaches a sync waits for the others to notice theirs is due: polled every
  // 100 ms, the ranks spent 6.3 s of a 39 s run on en-norm in MPI, mostly in that wait. Every
  // 10 ms costs nothing measurable (a clock read or a counter load).
  return std::chrono::milliseconds(10);
}

void RankSync::start(ScheduleState& schedule) {
  std::uint64_t words = schedule.words_per_epoch;
  ranks_.sum(std::span<std::uint64_t>(&words, 1));
  const auto ranks = static_cast<std::uint64_t>(ranks_.size());
  schedule.words_per_epoch = (words + ranks - 1) / ranks;
  words_at_last_sync_ = schedule.words_done.load();
  own_words_ = words_at_last_sync_;
  last_sync_ = Clock::now();  // the collective above started every rank's clock together
}

bool RankSync::interval_passed(const ScheduleState& schedule) const {
  if (interval_.period) return Clock::now() - last_sync_ >= *interval_.period;
  const std::uint64_t share = *interval_.words / static_cast<std::uint64_t>(ranks_.size());
  return schedule.words_done.load(std::memory_order_relaxed) - words_at_last_sync_ >=
         std::max<std::uint64_t>(share, 1);
}

// A rank whose interval has passed does not stop to wait for the others: it starts the meeting
// and trains on, its busy rows' exchange going on too, until every rank has arrived. Stopped at
// a blocking meeting, a rank that came first left its CPU idle and the others' exchanges
// stalled (an exchange needs every rank) until the last came.
bool RankSync::due(const ScheduleState& schedule) {
  if (!meeting_) {
    if (!interval_passed(schedule)) return false;
    ranks_.start_meeting();
    meeting_ = true;
  }
  return ranks_.meeting_done();
}

std::uint64_t RankSync::count_changed_rows(const Matrix& changes) const {
  std::uint64_t changed = 0;
  for (Eigen::Index row = 0; row < changes.rows(); ++row)
    if ((changes.row(row).array() != 0.0f).any()) ++changed;
  return changed;
}

void RankSync::combine_changes(Matrix& weights, Matrix& base, const RowRange& busiest) {
  weights -= base;
  costs_.changed_rows += count_changed_rows(weights);
  costs_.rows += static_cast<std::uint64_t>(weights.rows());
  // With two ranks the sum needs nothing more (the header says why): one reduction less.
  const bool agreeing = ranks_.size() > 2 && busiest.count > 0;
  const auto dim = static_cast<std::size_t>(weights.cols());
  float* busiest_rows = weights.data() + busiest.first * dim;
  if (agreeing) {
    moves_squared_.resize(busiest.count);
    row_squared_norms(busiest_rows, busiest.count, dim, moves_squared_.data());
    ranks_.sum(std::span<float>(moves_squared_));
  }
  ranks_.sum(std::span<float>(weights.data(), static_cast<std::size_t>(weights.size())));
  if (agreeing) scale_by_agreement(busiest_rows, moves_squared_.data(), busiest.count, dim);
  weights += base;
  base = weights;
}

SyncOutcome RankSync::combine(ModelWeights& weights, ScheduleState& schedule, bool finished,
                              CheckpointRequest wanted) {
  const auto started = Clock::now();
  // From due(), every rank has arrived; a rank whose workers have ended comes here directly,
  // and waits for the others (its meeting may have been started already).
  if (!meeting_) ranks_.start_meeting();
  ranks_.wait_meeting();
  meeting_ = false;
  costs_.wait_seconds += std::chrono::duration<double>(Clock::now() - started).count();
  own_words_ += schedule.words_done.load() - words_at_last_sync_;
  // The words, the finished ranks, and the checkpoint requests in one reduction: a rank asking
  // for a checkpoint adds a bit for its kind, and the most any rank asked for wins.
  // The busy rows' exchanges each rank has started go along, for settle().
  std::uint64_t progress[5] = {own_words_, finished ? 1u : 0u,
                               wanted == CheckpointRequest::save ? 1u : 0u,
                               wanted == CheckpointRequest::save_and_stop ? 1u : 0u,
                               busy_.started()};
  ranks_.sum(std::span<std::uint64_t>(progress, 5));
  const auto ranks = static_cast<std::uint64_t>(ranks_.size());
  busy_.settle(weights, base_, progress[4]);
  costs_.exchanges = busy_.started();

  // Every rank starts from the same weights (the same seed), and every sync leaves them the
  // same again: the base plus the ranks' changes since, combined as the header says.
  combine_changes(weights.input, base_.input, busiest_.input);
  combine_changes(weights.output, base_.output, busiest_.output);
  schedule.words_done.store(progress[0] / ranks);
  words_at_last_sync_ = schedule.words_done.load();

  ++costs_.syncs;
  costs_.bytes_per_sync =
      sizeof(float) * static_cast<std::uint64_t>(weights.input.size() + weights.output.size());
  costs_.seconds += std::chrono::duration<double>(Clock::now() - started).count();
  last_sync_ = Clock::now();
  SyncOutcome outcome;
  outcome.all_finished = progress[1] == ranks;
  outcome.checkpoint = progress[3] > 0   ? CheckpointRequest::save_and_stop
                       : progress[2] > 0 ? CheckpointRequest::save
                                         : CheckpointRequest::none;
  return outcome;
}

}  // namespace embedtool
