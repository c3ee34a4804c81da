#pragma once
// `train` as one rank of an MPI job (mpirun -np N embedtool train ...): how a rank reports a
// failure. The others would wait for a failed rank forever in their next collective, so a rank
// that fails alone names itself and ends the whole job (MPI_Abort); a failure every rank found
// alike (CollectiveError: a corpus some rank cannot read) is reported once, by rank 0, and every
// rank ends normally.
#include <functional>

#include "embedtool/cluster/rank_group.h"

namespace embedtool::cli {

// Runs `body`; with `ranks`, turns what it throws into the report above. Exit statuses pass.
void run_as_rank(RankGroup* ranks, const std::function<void()>& body);

}  // namespace embedtool::cli
