#pragma once
// Data-parallel training over MPI: every rank trains its own copy of the model on its own share
// of the corpus, and at every sync each rank's copy becomes the weights of the last sync plus the
// ranks' changes since (MPI_Allreduce), and its progress the job's. Between syncs a rank does not
// see the others' updates, the same kind of staleness lock-free threads and their hot rows
// (hot_rows.h) already live with, only longer.
//
// How the changes combine. Rows of E are summed, as threads' updates add up: a rare word's row,
// trained on one rank, keeps its whole update (averaging the models, pWord2Vec's way, divides it
// by the number of ranks). The head's rows are where summing fails: every step moves the rows of
// the frequent words (the noise words of ns, the top of the hs tree), every rank moves them the
// same way between two syncs, and the sum overshoots; a head row that c ranks changed gets the
// sum of their changes divided by √c, between the sum and the mean. Measured on 2.1M words of
// en-norm (ns, 3 epochs, min-count 5, sync every second; WordSim-353 Spearman / analogies), one
// process with 2 threads 0.13 / 2.0 %:
//   everything averaged (pWord2Vec):   2 ranks 0.04 / 0.7 %
//   everything summed:                 2 ranks 0.16 / 1.5 %, 4 ranks diverged (loss 76 vs 2.6)
//   E summed, head averaged by row:    2 ranks 0.06 / 0.9 %, 4 ranks 0.13 / 0.3 %
//   E summed, head damped by √c:       2 ranks 0.10 / 1.2 %, 4 ranks 0.11 / 0.5 %
// The last is the only one that is stable with 4 ranks and keeps most of the quality with 2; the
// 4-rank analogies still fall short of one process (docs/SCALING.md says what would close it).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "embedtool/cluster/rank_group.h"
#include "embedtool/model.h"
#include "embedtool/training/model_sync.h"
#include "embedtool/training/train_control.h"

namespace embedtool {

// When ranks sync: after every `words` words the job reads (each rank after its share of them),
// or every `period` of wall time; exactly one is set.
struct SyncInterval {
  std::optional<std::uint64_t> words;
  std::optional<std::chrono::milliseconds> period;
};

// The default sync: see docs/SCALING.md for the measurement.
inline constexpr std::chrono::milliseconds kDefaultSyncPeriod{1000};

// "1s", "500ms", "2m" (a period) or "1000000", "1M", "500k" (words). Throws UsageError naming
// `option` otherwise.
SyncInterval parse_sync_interval(const std::string& text, const std::string& option);

// What the syncs cost, for the log and bench/.
struct SyncCosts {
  std::uint64_t syncs = 0;
  std::uint64_t bytes_per_sync = 0;  // this rank's floats into the reduction, in bytes
  double seconds = 0;                // in the collectives, waiting for slower ranks included
  double wait_seconds = 0;           // of which waiting for the others to reach the sync
  // Rows of E and of the head this rank changed between syncs, summed over the syncs: how much
  // a sync that sent only changed rows would save (docs/SCALING.md).
  std::uint64_t changed_rows = 0;
  std::uint64_t rows = 0;  // of E and the head
};

class RankSync : public ModelSync {
 public:
  RankSync(RankGroup& ranks, SyncInterval interval) : ranks_(ranks), interval_(interval) {}

  std::size_t process_index() const override { return static_cast<std::size_t>(ranks_.rank()); }
  std::chrono::milliseconds poll_interval() const override;
  void start(ScheduleState& schedule) override;
  void begin(const ModelWeights& weights) override { base_ = weights; }
  bool due(const ScheduleState& schedule) override;
  SyncOutcome combine(ModelWeights& weights, ScheduleState& schedule, bool finished,
                      CheckpointRequest wanted) override;

  const SyncCosts& costs() const { return costs_; }

 private:
  using Clock = std::chrono::steady_clock;

  // weights = base + the ranks' changes since base, then base = weights (see the header).
  void combine_changes(Matrix& weights, Matrix& base, bool damp_shared_rows);
  std::uint64_t count_changed_rows(const Matrix& changes) const;

  RankGroup& ranks_;
  SyncInterval interval_;
  Clock::time_point last_sync_;
  std::uint64_t words_at_last_sync_ = 0;  // schedule.words_done just after the last sync
  std::uint64_t own_words_ = 0;           // words this rank has read, all its syncs together
  ModelWeights base_;                     // the weights as the last sync left them
  std::vector<float> changers_;           // per head row: the ranks that changed it
  SyncCosts costs_;
};

}  // namespace embedtool
