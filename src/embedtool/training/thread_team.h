#pragma once
// Runs one task per thread and waits for them on the calling thread, which can do a little
// periodic work (progress reports) while it waits.
#include <chrono>
#include <cstddef>
#include <functional>

namespace embedtool {

struct ThreadTeamHooks {
  std::chrono::milliseconds interval{500};
  std::function<void()> while_waiting;  // on the calling thread, every interval
  std::function<void()> on_failure;     // on the failing thread, as soon as a task throws
};

// Runs task(0) .. task(count - 1) at the same time, each on its own thread, and returns when all
// have finished. If tasks throw, the first exception is rethrown after every thread has finished
// (hooks.on_failure lets the others stop early); so is one thrown by hooks.while_waiting, after
// calling hooks.on_failure.
void run_thread_team(std::size_t count, const std::function<void(std::size_t)>& task,
                     const ThreadTeamHooks& hooks = {});

}  // namespace embedtool
