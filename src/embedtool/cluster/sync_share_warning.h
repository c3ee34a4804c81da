#pragma once
// The default sync is counted in words (rank_sync.h), which keeps a model's quality whatever the
// machine, but a rank that reads fast (many threads) then reaches it often and may spend much of
// its time in syncs: each sync moves the whole model, however few words came between (the cost
// model in docs/SCALING.md). A run that did says so when it ends, with the --sync-every that
// would have brought the syncs near a tenth of the time, the share the cost model aims at.
#include <cstdint>
#include <optional>
#include <string>

#include "embedtool/cluster/rank_sync.h"

namespace embedtool {

// Above this share of the training time spent in syncs, a run warns. On the 2-core machine the
// syncs of 2 and 4 ranks took 9 to 21 % of the training on en-norm or its first 40 MB at the
// default interval, 25 % at a quarter of it and 4 % at 4 times it (4 ranks; docs/SCALING.md),
// waits for the other ranks included.
inline constexpr double kSyncShareToWarn = 1.0 / 3.0;
// The share the suggested interval aims at.
inline constexpr double kSyncShareAimed = 0.1;

// The warning for a run whose syncs took `costs.seconds` of `training_seconds`, or none when
// they took at most kSyncShareToWarn of it. `job_words`: the words all ranks read in training,
// from which the words between two syncs (the interval in effect, whatever --sync-every said:
// a rank notices a sync is due only at its polls).
std::optional<std::string> sync_share_warning(const SyncCosts& costs, double training_seconds,
                                              std::uint64_t job_words);

}  // namespace embedtool
