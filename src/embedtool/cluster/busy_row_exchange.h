#pragma once
// Between two syncs of an MPI job (rank_sync.h), the ranks exchange the changes of the busiest
// rows (BusyRows, model_sync.h: the most frequent words' rows of E and the head's hot rows) every
// few tens of milliseconds, while the workers go on training. Those rows are where a sync's
// staleness hurts: between two syncs every rank moves them thousands of times without seeing the
// others' moves, as threads would if they published their hot rows (hot_rows.h) once a second.
// They are a small part of the model (512 + 512 rows of 100 floats: 410 kB), so they can go often.
//
// Each rank keeps, in the RankSync's base, the busy rows as of all the changes exchanged so far.
// An exchange: the rank takes its changes since (d = rows − base, base = rows), starts a
// background sum of them over the ranks (RankGroup::start_background_sum), and trains on; when
// the sum D has come, it adds the others' changes, D − d, to the rows and to the base. Every
// change thus reaches every rank once, summed as threads' updates add up, an exchange period
// (plus the sum's own time) late; what the rank changed meanwhile stays in rows − base for the
// next exchange, or for the sync, which then sends only that remainder of the busy rows.
//
// With more than two ranks the exchange takes the wider busy rows (BusyRows::wider_input and
// wider_output: 4,096 of each matrix), because those after the busiest 512 also overshoot when
// summed over a second of 4 ranks' work; and the busiest 512 of each, which overshoot even over
// one exchange, are combined by how much the ranks' moves agree (agreeing_changes.h), the rest
// summed. Two ranks exchange the busiest 512 and sum them (rank_sync.h says why that is safe).
//
// One exchange in flight per rank, and the next started only when it has finished, which needs
// every rank to have started it: no rank is ever more than one exchange ahead of another. At a
// sync (the workers paused), settle() brings every rank to the same number of exchanges.
#include <chrono>
#include <cstdint>
#include <vector>

#include "embedtool/cluster/rank_group.h"
#include "embedtool/training/model_sync.h"
#include "embedtool/training/training_state.h"

namespace embedtool {

class BusyRowExchange {
 public:
  // `period` 0: no exchanges; the syncs alone combine the busy rows.
  BusyRowExchange(RankGroup& ranks, std::chrono::milliseconds period)
      : ranks_(ranks), period_(period) {}

  // Before training; `dim` floats per row.
  void begin(const BusyRows& busy, std::size_t dim);
  bool enabled() const { return period_.count() > 0 && floats_ > 0; }
  std::chrono::milliseconds period() const { return period_; }

  // While the workers train: applies the exchange in flight once its sum has come, and starts
  // the next when the period has passed since the last began.
  void poll(ModelWeights& weights, ModelWeights& base);

  // At a sync, with this rank's workers paused and `started_by_all` the exchanges the ranks have
  // started, summed over the ranks: finishes this rank's exchanges, catching up with the others
  // if it is one behind, so that every change exchanged so far is in every rank's rows and base.
  void settle(ModelWeights& weights, ModelWeights& base, std::uint64_t started_by_all);

  std::uint64_t started() const { return started_; }
  std::uint64_t bytes_per_exchange() const { return sizeof(float) * floats_; }

 private:
  using Clock = std::chrono::steady_clock;

  void start(ModelWeights& weights, ModelWeights& base);
  void finish(ModelWeights& weights, ModelWeights& base);

  RankGroup& ranks_;
  std::chrono::milliseconds period_;
  RowRange input_;   // the rows of E exchanged
  RowRange output_;  // and of the head
  // With more than two ranks: the busiest rows, combined by agreement, as offsets into the rows
  // exchanged; their Σ|d|² go after the changes in sum_.
  bool agreeing_ = false;
  RowRange agreeing_input_;
  RowRange agreeing_output_;
  std::size_t dim_ = 0;
  std::size_t floats_ = 0;   // of the exchanged rows of E and of the head together
  std::vector<float> sum_;   // in flight: this rank's changes, then every rank's
  std::vector<float> sent_;  // this rank's changes in the exchange in flight
  bool in_flight_ = false;
  std::uint64_t started_ = 0;
  Clock::time_point last_start_{};
};

}  // namespace embedtool
