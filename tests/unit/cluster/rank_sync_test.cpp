// RankSync (cluster/rank_sync.h) over ranks simulated in one process: what a sync does to the
// weights and the schedule, without mpirun (tests/e2e/train_mpi.sh runs the real thing).
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "embedtool/cluster/rank_sync.h"
#include "embedtool/errors.h"

namespace rank_sync_test {

using namespace embedtool;

// A job of `size` ranks whose other ranks all made the changes this one made (sums multiply by
// the size): what one rank sees when every rank did the same.
class MirroredRanks : public RankGroup {
 public:
  explicit MirroredRanks(int size) : size_(size) {}
  int rank() const override { return 0; }
  int size() const override { return size_; }
  void meet() override {}
  void start_meeting() override {}
  bool meeting_done() override { return true; }
  void wait_meeting() override {}
  void sum(std::span<float> values) override { scale(values); }
  void sum(std::span<double> values) override { scale(values); }
  void sum(std::span<std::uint64_t> values) override { scale(values); }
  void start_background_sum(std::span<float> values) override { scale(values); }
  bool background_sum_done() override { return true; }
  void wait_background_sum() override {}
  void broadcast(std::string&, int) override {}
  std::vector<std::string> all_gather(const std::string& mine) override {
    return std::vector<std::string>(static_cast<std::size_t>(size_), mine);
  }
  void gather_each(const std::string&, int, const std::function<void(int, std::string_view)>&) override {}
  [[noreturn]] void abort(int) override { throw Error("aborted"); }

 private:
  template <typename T>
  void scale(std::span<T> values) {
    for (T& value : values) value *= static_cast<T>(size_);
  }
  int size_;
};

TEST_CASE("sync intervals: words or time") {
  CHECK(*parse_sync_interval("500k", "--sync-every").words == 500000);
  CHECK(*parse_sync_interval("2M", "--sync-every").words == 2000000);
  CHECK(*parse_sync_interval("1000", "--sync-every").words == 1000);
  CHECK(parse_sync_interval("250ms", "--sync-every").period->count() == 250);
  CHECK(parse_sync_interval("2s", "--sync-every").period->count() == 2000);
  CHECK_THROWS_AS(parse_sync_interval("fast", "--sync-every"), UsageError);
  CHECK_THROWS_AS(parse_sync_interval("0", "--sync-every"), UsageError);
  CHECK_THROWS_AS(parse_sync_interval("3x", "--sync-every"), UsageError);
}

TEST_CASE("beyond two ranks a sync averages the busiest rows' equal moves, sums the rest, and takes the job's progress") {
  MirroredRanks ranks(4);
  RankSync sync(ranks, {std::nullopt, std::chrono::milliseconds(1000)},
                std::chrono::milliseconds(0));
  ScheduleState schedule;
  schedule.epochs = 1;
  schedule.words_per_epoch = 100;  // this rank's share as it counted it
  sync.start(schedule);
  CHECK(schedule.words_per_epoch == 100);  // 4 x 100 words, in shares of one rank

  ModelWeights weights;
  weights.input = Matrix::Zero(3, 2);
  weights.output = Matrix::Zero(2, 2);
  sync.begin(weights, {{2, 1}, {0, 1}, {}, {}});  // the busiest: row 2 of E, row 0 of the head
  weights.input(1, 0) = 1.0f;   // every rank moved this row of E by 1
  weights.input(2, 0) = 1.0f;   // and the busiest one
  weights.output(0, 1) = 1.0f;  // and the head's busiest row
  weights.output(1, 0) = 1.0f;  // and another
  schedule.words_done = 30;
  CHECK_FALSE(sync.combine(weights, schedule, false, CheckpointRequest::none).all_finished);
  CHECK(weights.input(1, 0) == doctest::Approx(4.0));   // summed
  CHECK(weights.input(2, 0) == doctest::Approx(1.0));   // four equal moves: their mean
  CHECK(weights.output(0, 1) == doctest::Approx(1.0));
  CHECK(weights.output(1, 0) == doctest::Approx(4.0));  // summed
  CHECK(weights.input(0, 0) == 0.0f);                   // unchanged rows stay
  CHECK(schedule.words_done == 30);  // the mean of the ranks' words
  CHECK(sync.costs().syncs == 1);

  // A row changed at the last sync but not since is not moved again.
  const SyncOutcome last = sync.combine(weights, schedule, true, CheckpointRequest::save);
  CHECK(last.all_finished);  // every rank finished
  CHECK(last.checkpoint == CheckpointRequest::save);
  CHECK(weights.input(1, 0) == doctest::Approx(4.0));
  CHECK(weights.input(2, 0) == doctest::Approx(1.0));
}

// A job of `size` mirrored ranks, syncing every second and exchanging busy rows every
// millisecond, over E of 4 x 2 and a head of 3 x 2 whose busiest rows are row 2 of E and row 0
// of the head, and the wider busy rows rows 2-3 of E and 0-1 of the head, all zero, its one
// epoch of 100 words started.
struct BusyRowJob {
  explicit BusyRowJob(int size)
      : ranks(size),
        sync(ranks, {std::nullopt, std::chrono::milliseconds(1000)}, std::chrono::milliseconds(1)) {
    schedule.epochs = 1;
    schedule.words_per_epoch = 100;
    sync.start(schedule);
    weights.input = Matrix::Zero(4, 2);
    weights.output = Matrix::Zero(3, 2);
    sync.begin(weights, {{2, 1}, {0, 1}, {2, 2}, {0, 2}});
  }
  // Lets the exchange's period pass, starts an exchange (its sum comes at once here) and applies
  // it: the others' changes are added.
  void exchange() {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    sync.share_busy_rows(weights);
    sync.share_busy_rows(weights);
  }
  MirroredRanks ranks;
  RankSync sync;
  ScheduleState schedule;
  ModelWeights weights;
};

TEST_CASE("beyond two ranks the wider busy rows are exchanged between syncs, and a sync does not send them again") {
  BusyRowJob job(4);
  RankSync& sync = job.sync;
  ModelWeights& weights = job.weights;
  weights.input(2, 0) = 1.0f;   // the busiest rows: four equal moves make their mean
  weights.output(0, 1) = 1.0f;
  weights.input(3, 1) = 1.0f;   // wider busy rows: summed
  weights.output(1, 0) = 1.0f;
  job.exchange();
  CHECK(weights.input(2, 0) == doctest::Approx(1.0));
  CHECK(weights.output(0, 1) == doctest::Approx(1.0));
  CHECK(weights.input(3, 1) == doctest::Approx(4.0));
  CHECK(weights.output(1, 0) == doctest::Approx(4.0));
  weights.input(1, 1) = 1.0f;   // not busy: waits for the sync
  weights.output(2, 0) = 1.0f;

  CHECK(sync.combine(weights, job.schedule, true, CheckpointRequest::none).all_finished);
  CHECK(weights.input(2, 0) == doctest::Approx(1.0));  // exchanged once, not again
  CHECK(weights.output(0, 1) == doctest::Approx(1.0));
  CHECK(weights.input(3, 1) == doctest::Approx(4.0));
  CHECK(weights.output(1, 0) == doctest::Approx(4.0));
  CHECK(weights.input(1, 1) == doctest::Approx(4.0));
  CHECK(weights.output(2, 0) == doctest::Approx(4.0));
  CHECK(sync.costs().exchanges >= 1);
  CHECK(sync.costs().bytes_per_exchange == sizeof(float) * 4 * 2);  // two rows of each
}

TEST_CASE("two ranks exchange only the busiest rows, and sum everything") {
  BusyRowJob job(2);
  RankSync& sync = job.sync;
  ModelWeights& weights = job.weights;
  weights.input(2, 0) = 1.0f;
  weights.input(3, 0) = 1.0f;  // a wider busy row: waits for the sync with two ranks
  job.exchange();
  CHECK(weights.input(2, 0) == doctest::Approx(2.0));
  CHECK(weights.input(3, 0) == doctest::Approx(1.0));
  weights.output(0, 1) = 1.0f;
  weights.output(2, 0) = 1.0f;  // a head row that is not busy
  CHECK(sync.combine(weights, job.schedule, true, CheckpointRequest::none).all_finished);
  CHECK(weights.input(3, 0) == doctest::Approx(2.0));
  CHECK(weights.output(0, 1) == doctest::Approx(2.0));
  CHECK(weights.output(2, 0) == doctest::Approx(2.0));
  CHECK(sync.costs().bytes_per_exchange == sizeof(float) * 2 * 2);  // one row of each
}


// Mirrored ranks whose meetings are met only after `late_polls` tests: the other ranks still
// on their way to the sync.
class LateRanks : public MirroredRanks {
 public:
  LateRanks(int size, int late_polls) : MirroredRanks(size), late_polls_(late_polls) {}
  void start_meeting() override {
    ++meetings_started;
    polls_left_ = late_polls_;
  }
  bool meeting_done() override { return polls_left_ == 0 || --polls_left_ == 0; }
  void wait_meeting() override { polls_left_ = 0; }
  int meetings_started = 0;

 private:
  int late_polls_;
  int polls_left_ = 0;
};

TEST_CASE("a rank due for a sync trains on until every rank has arrived, and meets them once") {
  LateRanks ranks(2, 3);
  RankSync sync(ranks, {std::uint64_t{100}, std::nullopt}, std::chrono::milliseconds(0));
  ScheduleState schedule;
  schedule.epochs = 1;
  schedule.words_per_epoch = 1000;
  sync.start(schedule);
  ModelWeights weights;
  weights.input = Matrix::Zero(3, 2);
  weights.output = Matrix::Zero(2, 2);
  sync.begin(weights, {});

  schedule.words_done = 49;  // 100 words of the job: 50 of this rank's share
  CHECK_FALSE(sync.due(schedule));
  CHECK(ranks.meetings_started == 0);
  schedule.words_done = 50;
  CHECK_FALSE(sync.due(schedule));  // arrived: the others have not
  CHECK(ranks.meetings_started == 1);
  schedule.words_done = 60;  // trained on meanwhile
  CHECK_FALSE(sync.due(schedule));
  CHECK(sync.due(schedule));  // every rank has arrived
  CHECK(ranks.meetings_started == 1);
  sync.combine(weights, schedule, false, CheckpointRequest::none);
  CHECK(ranks.meetings_started == 1);  // the meeting due() started, not another
  CHECK(schedule.words_done == 60);    // the words read while waiting count

  // A rank whose workers end while it waits for the others finishes that meeting; one that
  // comes to combine without having been due starts its own.
  schedule.words_done = 110;
  CHECK_FALSE(sync.due(schedule));
  CHECK(ranks.meetings_started == 2);
  sync.combine(weights, schedule, true, CheckpointRequest::none);
  CHECK(ranks.meetings_started == 2);
  sync.combine(weights, schedule, true, CheckpointRequest::none);
  CHECK(ranks.meetings_started == 3);
}

}  // namespace rank_sync_test
