#include "embedtool/training/thread_team.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace embedtool {

void run_thread_team(std::size_t count, const std::function<void(std::size_t)>& task,
                     const ThreadTeamHooks& hooks) {
  std::mutex mutex;
  std::condition_variable all_done;
  std::size_t finished = 0;
  std::exception_ptr first_error;
  auto fail = [&](std::exception_ptr error) {
    {
      std::lock_guard lock(mutex);
      if (!first_error) first_error = error;
    }
    if (hooks.on_failure) hooks.on_failure();
  };

  std::vector<std::thread> threads;
  threads.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      try {
        task(i);
      } catch (...) {
        fail(std::current_exception());
      }
      std::lock_guard lock(mutex);
      ++finished;
      all_done.notify_one();
    });
  }

  {
    bool keep_waiting_work = static_cast<bool>(hooks.while_waiting);
    std::unique_lock lock(mutex);
    while (!all_done.wait_for(lock, hooks.interval, [&] { return finished == count; })) {
      if (!keep_waiting_work) continue;
      lock.unlock();
      try {
        hooks.while_waiting();
      } catch (...) {
        keep_waiting_work = false;
        fail(std::current_exception());
      }
      lock.lock();
    }
  }
  for (std::thread& thread : threads) thread.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace embedtool
