#pragma once
// Whether an MPI launcher (mpirun, mpiexec, srun) started this process as one of several, and
// joining that job. The launcher is recognised by the environment it sets, so a process that
// no launcher started never loads MPI at all (no library mapped, no start-up cost): measured
// with a minimal program, linking libmpi alone added 3.5 ms to every start (0.55 s for 200
// starts without, 1.24 s with), which every `embedtool lookup` in a shell loop would pay.
#include <memory>
#include <optional>
#include <string>

#include "embedtool/cluster/rank_group.h"

namespace embedtool {

// The launcher's variable that told, e.g. "OMPI_COMM_WORLD_SIZE=4", when it started this
// process as one of several; nullopt otherwise (a launcher's job of one process included).
std::optional<std::string> launcher_variable();

// Joins the job the launcher started, through the MPI plugin next to the executable (or at
// $EMBEDTOOL_MPI_PLUGIN). Returns null when no launcher started this process as one of several.
// Throws Error when one did but this build has no MPI, or the plugin cannot be loaded.
std::unique_ptr<RankGroup> join_launched_job();

}  // namespace embedtool
