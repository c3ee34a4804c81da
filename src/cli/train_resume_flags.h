#pragma once
// `train --resume`: the run continues with the checkpoint's settings, so a training flag given
// on the command line (or in --config) must say the same or be left out; one that says
// otherwise is a usage error naming both values, never silently ignored.
#include <cstddef>
#include <optional>

#include <CLI/CLI.hpp>

#include "embedtool/pipeline/train_model.h"

namespace embedtool::cli {

// `given`: the job as the flags filled it in; `threads`: --threads if given. `saved`: the
// checkpoint's job; `words`: its vocabulary's size (to resolve --loss auto as the run did).
// Throws UsageError for the first flag that conflicts.
void check_flags_match_checkpoint(const CLI::App& command, const TrainJob& given,
                                  std::optional<int> threads, const TrainJob& saved,
                                  std::size_t words);

}  // namespace embedtool::cli
