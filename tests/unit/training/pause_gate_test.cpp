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
  int rounds_with_a_running_worker = 0;
  for (int round = 0; round < 3000; ++round) {
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

}  // namespace
}  // namespace embedtool
