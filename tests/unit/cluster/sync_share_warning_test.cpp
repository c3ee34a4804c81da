// sync_share_warning (cluster/sync_share_warning.h): when a run says its syncs cost too much,
// and the longer interval it suggests.
#include <doctest/doctest.h>

#include "embedtool/cluster/sync_share_warning.h"

namespace sync_share_warning_test {

using namespace embedtool;

SyncCosts costs_of(std::uint64_t syncs, double seconds) {
  SyncCosts costs;
  costs.syncs = syncs;
  costs.seconds = seconds;
  return costs;
}

TEST_CASE("syncs within a third of the training time give no warning") {
  CHECK_FALSE(sync_share_warning(costs_of(40, 9.3), 91.7, 40'000'000));  // 4 ranks on en-norm: 10 %
  CHECK_FALSE(sync_share_warning(costs_of(78, 13.0), 63.1, 40'000'000));  // 2 ranks: 21 %
  CHECK_FALSE(sync_share_warning(costs_of(3, 10.0), 30.0, 1000));   // exactly a third
}

TEST_CASE("a run without syncs or without time gives no warning") {
  CHECK_FALSE(sync_share_warning(costs_of(0, 0.0), 10.0, 1000));
  CHECK_FALSE(sync_share_warning(costs_of(5, 1.0), 0.0, 1000));
}

TEST_CASE("syncs over a third of the time: the share, and how much longer to sync") {
  // 12 s of syncs in 30 s: the 18 s of training proper with 12/k s of syncs is a tenth when
  // 12/k = 2, k = 6; 100 syncs in 5M words were every 50k, so every 300k.
  const auto warning = sync_share_warning(costs_of(100, 12.0), 30.0, 5'000'000);
  REQUIRE(warning);
  CHECK(warning->find("the syncs took 40% of the training time (12.0s of 30.0s)") !=
        std::string::npos);
  CHECK(warning->find("--sync-every 300k would bring them down towards 10%") !=
        std::string::npos);
}

TEST_CASE("the suggested interval is written as --sync-every takes it") {
  // 10 s of syncs in 17 s: 10/k = 7/9 needs k = 12.86.
  const auto in_millions = sync_share_warning(costs_of(100, 10.0), 17.0, 100'000'000);
  REQUIRE(in_millions);
  CHECK(in_millions->find("--sync-every 12.9M ") != std::string::npos);  // 1M x 12.86
  const auto in_units = sync_share_warning(costs_of(100, 10.0), 17.0, 5'000);
  REQUIRE(in_units);
  CHECK(in_units->find("--sync-every 643 ") != std::string::npos);  // 50 x 12.86, rounded up
  // The suggestion parses as an interval of about the words it names.
  CHECK(*parse_sync_interval("12.9M", "--sync-every").words == 12'900'000);
}

}  // namespace sync_share_warning_test
