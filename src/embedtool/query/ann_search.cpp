#include "embedtool/query/ann_search.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <string>
#include <thread>

#include "embedtool/errors.h"
#include "embedtool/query/bounded_top_k.h"
#include "embedtool/query/row_dots.h"

namespace embedtool {

namespace {

struct Scored {
  float similarity;
  std::uint32_t row;
};
bool less_similar(const Scored& a, const Scored& b) { return a.similarity < b.similarity; }
bool more_similar(const Scored& a, const Scored& b) { return a.similarity > b.similarity; }

// One thread's memory, reused from query to query: a bit per row for the rows already scored
// (cleared again through `visited`, so a query costs what it touches, not the size of the
// model), and the two heaps of the level-0 search.
struct WalkScratch {
  explicit WalkScratch(std::uint64_t rows) : seen((rows + 63) / 64) {}
  std::vector<std::uint64_t> seen;
  std::vector<std::uint32_t> visited;
  std::vector<Scored> candidates;  // max-heap: the best unexplored first
  std::vector<Scored> found;       // min-heap of the ef best: the worst first

  bool mark(std::uint32_t row) {
    std::uint64_t& word = seen[row / 64];
    const std::uint64_t bit = std::uint64_t{1} << (row % 64);
    if (word & bit) return false;
    word |= bit;
    visited.push_back(row);
    return true;
  }
  void clear() {
    for (std::uint32_t row : visited) seen[row / 64] = 0;
    visited.clear();
    candidates.clear();
    found.clear();
  }
};

class Walk {
 public:
  Walk(const StoredRows& rows, const AnnGraphView& graph, const float* unit_query, WalkScratch& scratch)
      : rows_(rows), graph_(graph), query_(unit_query), scratch_(scratch) {}

  // The ef rows nearest the query the walk finds, in no order.
  const std::vector<Scored>& search(std::size_t ef) {
    std::uint64_t current = graph_.entry_point();
    float best = similarity(current);
    for (std::uint32_t level = graph_.top_level(); level > 0; --level) {
      for (bool moved = true; moved;) {
        moved = false;
        for (std::uint32_t next : graph_.links(current, level)) {
          const float next_similarity = similarity(checked(current, next));
          if (next_similarity > best) {
            best = next_similarity;
            current = next;
            moved = true;
          }
        }
      }
    }
    search_level0(static_cast<std::uint32_t>(current), best, ef);
    return scratch_.found;
  }

 private:
  std::uint32_t checked(std::uint64_t from, std::uint32_t to) const {
    if (to >= rows_.rows) graph_.bad_link(from, to);
    return to;
  }

  // The cosine; a row holding NaN ranks below everything and is never an answer.
  float similarity(std::uint64_t row) const {
    const float length = rows_.norms[row];
    const float dot = dot_row(rows_, row, query_);
    const float cosine = length > 0 ? dot / length : 0.0f;  // a zero row: 0, as ExactSearch
    return std::isnan(cosine) || std::isnan(length) ? -std::numeric_limits<float>::infinity() : cosine;
  }

  void search_level0(std::uint32_t start, float start_similarity, std::size_t ef) {
    auto& candidates = scratch_.candidates;
    auto& found = scratch_.found;
    scratch_.mark(start);
    candidates.push_back({start_similarity, start});
    found.push_back({start_similarity, start});
    while (!candidates.empty()) {
      const Scored nearest = candidates.front();
      if (found.size() >= ef && nearest.similarity < found.front().similarity) break;
      std::pop_heap(candidates.begin(), candidates.end(), less_similar);
      candidates.pop_back();
      const std::span<const std::uint32_t> links = graph_.links(nearest.row);
      // The rows are scattered over the matrix: ask for all of them before the first is needed.
      for (std::uint32_t next : links) {
        if (next < rows_.rows) __builtin_prefetch(rows_.row(next));
      }
      for (std::uint32_t next : links) {
        if (!scratch_.mark(checked(nearest.row, next))) continue;
        const float next_similarity = similarity(next);
        if (found.size() >= ef && !(next_similarity > found.front().similarity)) continue;
        candidates.push_back({next_similarity, next});
        std::push_heap(candidates.begin(), candidates.end(), less_similar);
        found.push_back({next_similarity, next});
        std::push_heap(found.begin(), found.end(), more_similar);
        if (found.size() > ef) {
          std::pop_heap(found.begin(), found.end(), more_similar);
          found.pop_back();
        }
      }
    }
  }

  const StoredRows& rows_;
  const AnnGraphView& graph_;
  const float* query_;
  WalkScratch& scratch_;
};

// The query as a unit vector, or empty if it has no direction.
std::vector<float> unit_query(const NearestQuery& query, std::uint64_t dims) {
  if (static_cast<std::uint64_t>(query.vector.size()) != dims) {
    throw Error("a query of " + std::to_string(query.vector.size()) + " values for rows of " + std::to_string(dims));
  }
  const float norm = query.vector.norm();
  if (!(norm > 0) || !std::isfinite(norm)) return {};
  std::vector<float> unit(query.vector.data(), query.vector.data() + dims);
  for (float& value : unit) value /= norm;
  return unit;
}

}  // namespace

AnnSearch::AnnSearch(StoredRows rows, AnnGraphView graph, unsigned threads)
    : rows_(rows),
      graph_(graph),
      threads_(threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {
  if (rows_.norms == nullptr) throw Error("an ANN search needs the model's row norms");
  if (graph_.rows() != rows_.rows) {
    throw Error("the ANN index has " + std::to_string(graph_.rows()) + " rows, the model " +
                std::to_string(rows_.rows));
  }
}

std::vector<std::vector<Neighbour>> AnnSearch::nearest(std::span<const NearestQuery> queries,
                                                       std::size_t k, std::size_t ef) const {
  std::vector<std::vector<Neighbour>> answers(queries.size());
  if (k == 0 || graph_.nodes() == 0 || queries.empty()) return answers;
  const auto answer_part = [&](std::size_t part, std::size_t parts) {
    WalkScratch scratch(rows_.rows);
    for (std::size_t q = part; q < queries.size(); q += parts) {
      const std::vector<float> unit = unit_query(queries[q], rows_.dims);
      if (unit.empty()) continue;
      const std::vector<WordId>& exclude = queries[q].exclude;
      Walk walk(rows_, graph_, unit.data(), scratch);
      BoundedTopK best(k);
      for (const Scored& found : walk.search(std::max(ef, k + exclude.size()))) {
        const auto id = static_cast<WordId>(found.row);
        if (id < kFirstWordId || std::isinf(found.similarity)) continue;
        if (std::find(exclude.begin(), exclude.end(), id) != exclude.end()) continue;
        best.offer({id, found.similarity});
      }
      answers[q] = best.take_sorted();
      scratch.clear();
    }
  };
  const std::size_t parts = std::min<std::size_t>(threads_, queries.size());
  // A damaged record throws: caught in its thread and thrown again here, once all have stopped.
  std::vector<std::exception_ptr> failures(parts);
  const auto guarded_part = [&](std::size_t part) {
    try {
      answer_part(part, parts);
    } catch (...) {
      failures[part] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> workers;  // joined at the end of this scope
    for (std::size_t part = 1; part < parts; ++part) workers.emplace_back(guarded_part, part);
    guarded_part(0);
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return answers;
}

}  // namespace embedtool
