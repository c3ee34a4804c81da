#pragma once
// One thread's private copies of the head rows that nearly every step of every thread writes:
// the top nodes of the hierarchical-softmax tree (every path starts at the root), or the rows
// of the most frequent words for negative sampling (the likeliest noise words). Written in
// place by two threads, those rows' cache lines move between the cores at every step, and two
// threads ran slower than one (docs/BENCHMARKS.md). Each thread instead updates its copies and,
// every few hundred steps, adds what it changed to the shared rows and takes theirs back
// (publish). The other threads see this thread's updates to those rows a little later, which
// is the same kind of staleness lock-free SGD already lives with.
//
// With no hot rows (one thread) every row is the shared one, and training is what it was.
#include <cstdint>
#include <vector>

#include "embedtool/model.h"

namespace embedtool {

// How many rows a thread keeps copies of, when it shares the head with other threads. Skip-gram
// hs, one epoch of en-norm (51k words) on two threads: 15.6 s with none, 8.1 s with 64, 6.7 s
// with 512, 6.9 s with 2048, 9.5 s with 8192 (publishing costs more as the copies grow); one
// thread takes 11 s. Each thread's copies take 2 × 512 rows: 400 kB at dim 100.
inline constexpr std::size_t kHotRowsPerThread = 512;

// Rows [first, first + count) of a matrix.
struct RowRange {
  std::size_t first = 0;
  std::size_t count = 0;
};

class HotRows {
 public:
  // How many steps a thread takes between publishes. Skip-gram hs, one epoch of en-norm on two
  // threads: 9.5 s publishing every 16 steps, 7.4 s every 64, 6.7 s every 256 or 1024.
  static constexpr int kStepsPerPublish = 256;

  // Keeps the rows of `hot` of `shared` (which outlives this) as private copies; an empty
  // range for none. Copies are taken now: build it once the weights hold their start values.
  HotRows(Matrix& shared, RowRange hot);

  // Called after each step: publishes every kStepsPerPublish steps.
  void step_done() {
    if (count_ > 0 && ++steps_since_publish_ == kStepsPerPublish) publish();
  }

  // Where this thread reads and writes row `id`: its own copy for a hot row, else the shared row.
  float* row(std::uint32_t id) {
    const std::size_t local = static_cast<std::size_t>(id) - first_;  // wraps below first_
    return local < count_ ? copies_.data() + local * dim_
                          : shared_.data() + static_cast<std::size_t>(id) * dim_;
  }

  // Adds the change since the last publish to the shared rows (shared += copy − base), then
  // refreshes the copies from them, so they also hold the other threads' published changes.
  void publish();

  std::size_t count() const { return count_; }

 private:
  Matrix& shared_;
  std::size_t first_;
  std::size_t count_;
  std::size_t dim_;
  std::vector<float> copies_;  // count_ x dim_, what this thread reads and writes
  std::vector<float> base_;    // the copies as of the last publish
  int steps_since_publish_ = 0;
};

}  // namespace embedtool
