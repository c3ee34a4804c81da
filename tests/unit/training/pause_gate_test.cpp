// The gate that stops the training threads for a checkpoint: while the caller holds a pause,
// no worker may run, including right after the previous pause ended.
#include <doctest/doctest.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "embedtool/training/pause_gate.h"

namespace embedtool {
namespace {

TEST_CASE("pause_all returns only once every running worker waits, even right after a resume") {
  constexpr std::size_t kWorkers = 2;
  PauseGate gate(kWorkers);
  std::atomic<bool> done{false};
  std::array<std::atomic<std::uint64_t>, kWorkers> steps{};
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < kWorkers; ++i) {
    workers.emplace_back([&, i] {
      while (!done.load()) {
        if (gate.requested()) gate.wait();
        steps[i].fetch_add(1, std::memory_order_relaxed);
      }
      gate.leave();
    });
  }
  const auto snapshot = [&] {
    std::array<std::uint64_t, kWorkers> values{};
    for (std::size_t i = 0; i < kWorkers; ++i) values[i] = steps[i].load();
    return values;
  };
  // A new pause straight after a resume is the case that once went wrong: the workers just let
  // go had not yet taken themselves off the count of waiting workers.
  // 500 rounds: each needs both workers scheduled, and on a loaded 2-core machine 3,000 took
  // up to 10 minutes (0.3 s when idle).
  int rounds_with_a_running_worker = 0;
  for (int round = 0; round < 500; ++round) {
    gate.pause_all();
    const auto before = snapshot();
    for (int spin = 0; spin < 200; ++spin) std::this_thread::yield();
    if (snapshot() != before) ++rounds_with_a_running_worker;
    gate.resume();
  }
  done.store(true);
  for (std::thread& worker : workers) worker.join();
  CHECK(rounds_with_a_running_worker == 0);
}

TEST_CASE("workers meet at an epoch end: the last to arrive works alone, then all go on") {
  constexpr std::size_t kWorkers = 3;
  PauseGate gate(kWorkers);
  std::atomic<int> last_arrivals{0};
  std::atomic<int> inside{0};  // workers past the meeting while the last arrival works
  std::atomic<int> seen_inside{0};
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < kWorkers; ++i) {
    workers.emplace_back([&] {
      for (int epoch = 0; epoch < 200; ++epoch) {
        if (gate.meet()) {
          ++last_arrivals;
          seen_inside += inside.load();
          gate.end_meeting();
        } else {
          ++inside;
          --inside;
        }
      }
      gate.leave();
    });
  }
  for (std::thread& worker : workers) worker.join();
  CHECK(last_arrivals.load() == 200);
  CHECK(seen_inside.load() == 0);
}

TEST_CASE("a pause counts meeting workers as paused; a leaving worker ends a meeting") {
  PauseGate gate(2);
  std::atomic<bool> met{false};
  std::thread meeting([&] {
    met.store(gate.meet());  // the other worker never arrives: it leaves
    gate.leave();
  });
  // The other worker pauses while the first one meets: pause_all must not wait for it.
  std::thread pausing([&] {
    while (!gate.requested()) std::this_thread::yield();
    gate.wait();
    gate.leave();  // the run stopped: this ends the first one's meeting
  });
  gate.pause_all();
  gate.resume();
  pausing.join();
  meeting.join();
  CHECK_FALSE(met.load());
}

}  // namespace
}  // namespace embedtool
