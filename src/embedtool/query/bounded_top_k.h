#pragma once
// The best k of a stream of scored rows, kept in a k-element heap whose front is the worst of
// them: most rows lose to the front in one comparison, so a pass over a million rows costs about
// a million comparisons and no sort. Order: higher similarity first, equal similarities to the
// lower id (the more frequent word), so that answers do not depend on how the rows were split
// between threads.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "embedtool/query/nearest.h"

namespace embedtool {

class BoundedTopK {
 public:
  explicit BoundedTopK(std::size_t k) : k_(k) { heap_.reserve(k); }

  // A quick test for rows offered in increasing id order: false means `similarity` cannot enter
  // (a tie with the worst kept loses, since its id is higher). NaN never enters.
  bool may_enter(float similarity) const {
    return heap_.size() < k_ ? !std::isnan(similarity) : similarity > heap_.front().similarity;
  }

  // Keeps `candidate` if it is among the best k so far (any id order).
  void offer(const Neighbour& candidate) {
    if (k_ == 0 || std::isnan(candidate.similarity)) return;
    if (heap_.size() < k_) {
      heap_.push_back(candidate);
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    } else if (ranks_before(candidate, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
      heap_.back() = candidate;
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    }
  }

  void merge(const BoundedTopK& other) {
    for (const Neighbour& candidate : other.heap_) offer(candidate);
  }

  // Best first; empties this.
  std::vector<Neighbour> take_sorted() {
    std::sort_heap(heap_.begin(), heap_.end(), ranks_before);
    return std::move(heap_);
  }

  static bool ranks_before(const Neighbour& a, const Neighbour& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  }

 private:
  std::size_t k_;
  std::vector<Neighbour> heap_;
};

}  // namespace embedtool
