#pragma once
// Data-parallel training over MPI: every rank trains its own copy of the model on its own share
// of the corpus, and at every sync each rank's copy becomes the weights of the last sync plus the
// ranks' changes since (MPI_Allreduce), and its progress the job's. Between syncs a rank does not
// see the others' updates, the same kind of staleness lock-free threads and their hot rows
// (hot_rows.h) already live with, only longer.
//
// How the changes combine: summed, row by row, as threads' updates add up (a rare word's row,
// trained on one rank, keeps its whole update; averaging the models, pWord2Vec's way, divides it
// by the number of ranks). Summing fails for the rows that every rank moves many times between
// two syncs towards the same place: if each rank goes a share m of the way, the sum of N such
// moves goes N·m of it, and overshoots unless N·m < 2. With two ranks that always holds (m < 1);
// beyond, it depends on m, which grows with the words a rank reads between syncs. Hence:
//   - the busiest rows (the frequent words' rows of E, the head's hot rows) are exchanged every
//     20 ms without pausing anyone (busy_row_exchange.h), which keeps their m small; with more
//     than two ranks, the 4,096 busiest of each matrix;
//   - with more than two ranks, the busiest 512 rows of each matrix, whose m nears 1 even over
//     one exchange (and over one sync of a small corpus), are combined at exchanges and syncs by
//     how much the ranks' moves of them agree: their mean when the moves are equal, their sum
//     when they are not (agreeing_changes.h); every other row is summed.
// Measured on the first 40 MB of en-norm (7.1M words, skip-gram ns, 1 epoch, sync every 1 s;
// WordSim-353 Spearman / analogies, medians of 3 seeds; docs/SCALING.md); one process with 2
// threads 0.188 / 1.8 %:
//   2 ranks, E summed, head damped by √c (the rule before):   0.126 / 1.0 %
//   the same with the busy rows exchanged every 20 ms:        0.141 / 1.4 %
//   everything summed, no exchange:                           0.174 / 1.5 %
//   everything summed, busy rows exchanged every 20 ms:       0.189 / 1.9 %  (this rule)
// With 4 ranks, in one session with one process of 4 threads (0.215 / 2.4 %): the rule before
// this one (a row c > 2 ranks changed damped to 2/c of the sum, the busy rows to 2/N) 0.134 /
// 0.35 %, this one 0.220 / 2.1 %, in twice the time (21.7 s against 11.8 s: the wider exchange);
// over four sessions its WordSim-353 matched one process's, its analogies 0.2 to 0.5 points short.
// A rank due for a sync does not wait idle for the others: it trains on until every rank is due
// (RankGroup::start_meeting), which kept the others' busy-row exchanges moving and raised the
// analogies a little in every seed measured (docs/SCALING.md).
// At the peers' setting (all of en-norm, 5 epochs, medians of 5 seeds): 4 ranks 0.583 / 19.5 %,
// one process with 4 threads 0.562 / 19.7 %; 2 ranks 0.579 / 19.1 %, one process with 2 threads
// 0.564 / 19.5 %, each gap about one run's spread.
// Summing every row diverged with 4 ranks on the e2e tests' small corpus at any interval tried;
// this rule is stable there and on en-norm with syncs every second.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "embedtool/cluster/busy_row_exchange.h"
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

// The default sync: after every kDefaultSyncWordsPerRank words of each rank's share (the job's
// words: that times the ranks). Counted in words, not time, because a model's quality depends
// on how far each rank moves it alone between syncs, which a time lets grow with the machine's
// speed: with the earlier default of 1 s, 2 ranks on 40 MB of en-norm matched one process on a
// loaded machine (0.184 / 1.7 % WordSim-353 / analogies) and fell to 0.130 / 1.0 % on the same
// machine idle, where a second is ~870k words a rank; every 250 ms (~220k) they matched it again
// (0.180 / 1.7 % against 0.185 / 1.8 %): docs/SCALING.md.
inline constexpr std::uint64_t kDefaultSyncWordsPerRank = 250'000;
inline SyncInterval default_sync_interval(int ranks) {
  return {kDefaultSyncWordsPerRank * static_cast<std::uint64_t>(ranks), std::nullopt};
}
// How often the ranks exchange their busy rows between syncs (busy_row_exchange.h).
// Measured with 2 ranks, everything summed (medians of 3 seeds, WordSim / analogies): every 5 ms
// 0.162 / 1.4 %, 20 ms 0.189 / 1.9 %, 50 ms 0.176 / 1.9 %, never 0.174 / 1.5 % (the 5 ms runs
// went twice as fast on a machine shared with builds, so with twice the words between syncs).
inline constexpr std::chrono::milliseconds kDefaultBusyRowPeriod{20};

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
  // The busy rows' exchanges between syncs (busy_row_exchange.h).
  std::uint64_t exchanges = 0;
  std::uint64_t bytes_per_exchange = 0;
};

class RankSync : public ModelSync {
 public:
  // `busy_period`: how often the busy rows are exchanged between syncs (0: never).
  RankSync(RankGroup& ranks, SyncInterval interval,
           std::chrono::milliseconds busy_period = kDefaultBusyRowPeriod);

  std::size_t process_index() const override { return static_cast<std::size_t>(ranks_.rank()); }
  std::chrono::milliseconds poll_interval() const override;
  void start(ScheduleState& schedule) override;
  void begin(const ModelWeights& weights, const BusyRows& busy) override;
  void share_busy_rows(ModelWeights& weights) override { busy_.poll(weights, base_); }
  bool due(const ScheduleState& schedule) override;
  SyncOutcome combine(ModelWeights& weights, ScheduleState& schedule, bool finished,
                      CheckpointRequest wanted) override;

  const SyncCosts& costs() const { return costs_; }

 private:
  using Clock = std::chrono::steady_clock;

  // weights = base + the ranks' changes since base, then base = weights (see the header).
  // With more than two ranks, `busiest` are combined by agreement (the header says why).
  void combine_changes(Matrix& weights, Matrix& base, const RowRange& busiest);
  std::uint64_t count_changed_rows(const Matrix& changes) const;
  // This rank's own interval has passed since the last sync.
  bool interval_passed(const ScheduleState& schedule) const;

  RankGroup& ranks_;
  SyncInterval interval_;
  Clock::time_point last_sync_;
  std::uint64_t words_at_last_sync_ = 0;  // schedule.words_done just after the last sync
  std::uint64_t own_words_ = 0;           // words this rank has read, all its syncs together
  // Due, and waiting for the other ranks to be (RankGroup::start_meeting) while training on.
  bool meeting_ = false;
  ModelWeights base_;  // the weights as the last sync (and busy rows' exchange) left them
  BusyRowExchange busy_;
  BusyRows busiest_;                  // the rows combined by agreement beyond two ranks
  std::vector<float> moves_squared_;  // per such row: Σ over the ranks of |its change|²
  SyncCosts costs_;
};

}  // namespace embedtool
