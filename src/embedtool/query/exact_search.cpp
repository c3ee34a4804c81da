#include "embedtool/query/exact_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

#include "embedtool/errors.h"
#include "embedtool/query/bounded_top_k.h"
#include "embedtool/query/row_dots.h"

namespace embedtool {

namespace {

// Rows compared with the queries at a time: 128 float32 rows of 300 values (150 KB) and their
// scores stay in the core's L2 cache while every query of the group passes over them.
constexpr std::size_t kBlockRows = 128;
// Queries swept over a block at a time: 32 unit vectors of 300 floats (38 KB) stay in L1.
constexpr std::size_t kQueriesPerSweep = 32;
// Below this many multiply-adds, starting a thread costs more than it saves.
constexpr double kSearchWorkPerThread = 2e7;

// The queries of one group that can have answers (non-zero), as unit vectors side by side.
struct UnitQueries {
  std::vector<float> values;       // count x dims
  std::vector<std::size_t> asked;  // their positions in the group
};

UnitQueries unit_queries(std::span<const NearestQuery> group, Eigen::Index dims) {
  UnitQueries unit;
  for (std::size_t q = 0; q < group.size(); ++q) {
    const Eigen::VectorXf& vector = group[q].vector;
    if (vector.size() != dims) {
      throw Error("a query of " + std::to_string(vector.size()) + " values for rows of " +
                  std::to_string(dims));
    }
    const float norm = vector.norm();
    if (!(norm > 0) || !std::isfinite(norm)) continue;  // a zero query has no direction
    unit.asked.push_back(q);
    const std::size_t start = unit.values.size();
    unit.values.resize(start + static_cast<std::size_t>(dims));
    Eigen::Map<Eigen::VectorXf>(unit.values.data() + start, dims) = vector / norm;
  }
  return unit;
}

// 1 / the length of a row: 0 for a zero row (cosine 0 with everything, as NearestIndex gives),
// NaN for a row holding NaN (its scores are NaN and never returned).
float inverse_length(float length) {
  if (std::isnan(length)) return std::numeric_limits<float>::quiet_NaN();
  return length > 0 ? 1.0f / length : 0.0f;
}

// Rows [begin, end) against every query of `unit`: each query's best k of them into `best`.
void search_rows(const StoredRows& rows, std::uint64_t begin, std::uint64_t end,
                 const UnitQueries& unit, std::span<const NearestQuery> group,
                 std::vector<BoundedTopK>& best) {
  const std::size_t count = unit.asked.size();
  const std::size_t dims = rows.dims;
  RowDotScratch scratch;
  std::vector<float> scores(kBlockRows * count);
  std::vector<float> squares(kBlockRows);
  for (std::uint64_t block = begin; block < end; block += kBlockRows) {
    const auto block_rows = static_cast<std::size_t>(std::min<std::uint64_t>(kBlockRows, end - block));
    for (std::size_t sweep = 0; sweep < count; sweep += kQueriesPerSweep) {
      // Without stored norms, the first sweep also sums each row's squares: one pass all the same.
      float* row_squares = sweep == 0 && rows.norms == nullptr ? squares.data() : nullptr;
      dot_rows(rows, block, block_rows, unit.values.data() + sweep * dims,
               std::min(kQueriesPerSweep, count - sweep), scores.data() + sweep, count, row_squares,
               scratch);
    }
    for (std::size_t r = 0; r < block_rows; ++r) {
      const std::uint64_t id = block + r;
      const float inverse = inverse_length(rows.norms != nullptr ? rows.norms[id] : std::sqrt(squares[r]));
      for (std::size_t q = 0; q < count; ++q) {
        const float similarity = scores[r * count + q] * inverse;
        if (!best[q].may_enter(similarity)) continue;
        const std::vector<WordId>& exclude = group[unit.asked[q]].exclude;
        const auto word = static_cast<WordId>(id);
        if (std::find(exclude.begin(), exclude.end(), word) != exclude.end()) continue;
        best[q].offer({word, similarity});
      }
    }
  }
}

}  // namespace

ExactSearch::ExactSearch(StoredRows rows, unsigned threads)
    : rows_(rows), threads_(threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {}

Eigen::VectorXf ExactSearch::unit_row(WordId id) const {
  if (id < 0 || static_cast<std::uint64_t>(id) >= rows_.rows) {
    throw Error("row " + std::to_string(id) + " is out of range (the model has rows 0 to " +
                std::to_string(rows_.rows - 1) + ")");
  }
  Eigen::VectorXf row(dims());
  RowDotScratch scratch;
  float square = 0;
  dot_rows(rows_, static_cast<std::uint64_t>(id), 1, nullptr, 0, nullptr, 0, &square, scratch);
  const float length = rows_.norms != nullptr ? rows_.norms[id] : std::sqrt(square);
  const float* values = reinterpret_cast<const float*>(rows_.row(static_cast<std::uint64_t>(id)));
  if (rows_.dtype == Dtype::float16) values = scratch.widened.data();
  for (Eigen::Index d = 0; d < dims(); ++d) row[d] = values[d];
  if (length > 0) row /= length;
  return row;
}

std::vector<std::vector<Neighbour>> ExactSearch::nearest(std::span<const NearestQuery> queries,
                                                         std::size_t k) const {
  std::vector<std::vector<Neighbour>> answers(queries.size());
  if (k == 0 || rows_.rows <= static_cast<std::uint64_t>(kFirstWordId)) return answers;
  const std::uint64_t first = kFirstWordId;
  const std::uint64_t candidates = rows_.rows - first;
  for (std::size_t begin = 0; begin < queries.size(); begin += kGroup) {
    const auto group = queries.subspan(begin, std::min(kGroup, queries.size() - begin));
    const UnitQueries unit = unit_queries(group, dims());
    if (unit.asked.empty()) continue;
    const double work = static_cast<double>(candidates) * static_cast<double>(rows_.dims) *
                        static_cast<double>(unit.asked.size());
    const auto threads = static_cast<std::uint64_t>(std::clamp<double>(
        std::min<double>(threads_, work / kSearchWorkPerThread), 1, std::min<double>(candidates, 256)));
    // Each thread its own contiguous rows and its own heaps: nothing shared while they run.
    std::vector<std::vector<BoundedTopK>> best(threads, std::vector<BoundedTopK>(unit.asked.size(), BoundedTopK(k)));
    const std::uint64_t share = (candidates + threads - 1) / threads;
    const auto search_part = [&](std::uint64_t part) {
      const std::uint64_t part_begin = first + part * share;
      const std::uint64_t part_end = std::min(rows_.rows, part_begin + share);
      if (part_begin < part_end) search_rows(rows_, part_begin, part_end, unit, group, best[part]);
    };
    {
      std::vector<std::jthread> workers;  // joined at the end of this scope
      for (std::uint64_t part = 1; part < threads; ++part) workers.emplace_back(search_part, part);
      search_part(0);
    }
    for (std::size_t q = 0; q < unit.asked.size(); ++q) {
      for (std::uint64_t part = 1; part < threads; ++part) best[0][q].merge(best[part][q]);
      answers[begin + unit.asked[q]] = best[0][q].take_sorted();
    }
  }
  return answers;
}

}  // namespace embedtool
