#include "embedtool/query/nearest.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>

#include "embedtool/errors.h"
#include "embedtool/query/unit_length.h"

namespace embedtool {

namespace {

// "a ranks before b": higher similarity, then lower id, so that results are deterministic.
bool better(const Neighbour& a, const Neighbour& b) {
  return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
}

// Below this many multiply-adds a product is not worth splitting across threads.
constexpr double kWorkPerThread = 1e7;

}  // namespace

std::vector<Neighbour> top_k(const float* scores, Eigen::Index rows, std::size_t k,
                             std::span<const WordId> exclude) {
  // A heap of the best k so far whose front is the worst of them: most rows lose to the front
  // in one comparison, so the pass costs about one comparison per row.
  std::vector<Neighbour> heap;
  if (k == 0) return heap;
  heap.reserve(k);
  for (Eigen::Index row = kFirstWordId; row < rows; ++row) {
    const float score = scores[row];
    if (heap.size() == k && !(score > heap.front().similarity)) {
      // Not better than the worst kept: a tie loses too, since rows come in increasing order.
      continue;
    }
    if (std::isnan(score) || std::find(exclude.begin(), exclude.end(), row) != exclude.end()) {
      continue;
    }
    const Neighbour candidate{row, score};
    if (heap.size() < k) {
      heap.push_back(candidate);
      std::push_heap(heap.begin(), heap.end(), better);
    } else {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.back() = candidate;
      std::push_heap(heap.begin(), heap.end(), better);
    }
  }
  std::sort_heap(heap.begin(), heap.end(), better);
  return heap;
}

NearestIndex::NearestIndex(const Matrix& vectors) : unit_rows_(vectors) { normalize_rows(unit_rows_); }

NearestIndex::NearestIndex(Matrix&& vectors) : unit_rows_(std::move(vectors)) {
  normalize_rows(unit_rows_);
}

Eigen::VectorXf NearestIndex::unit_row(WordId id) const {
  if (id < 0 || id >= unit_rows_.rows()) {
    throw Error("row " + std::to_string(id) + " is out of range (the model has rows 0 to " +
                std::to_string(unit_rows_.rows() - 1) + ")");
  }
  return unit_rows_.row(id).transpose();
}

// Eigen runs a product on one core unless built with OpenMP; the rows are split between the
// cores here instead, each thread writing its own block of the scores.
Eigen::MatrixXf NearestIndex::scores(const Eigen::MatrixXf& unit_queries) const {
  Eigen::MatrixXf result(unit_rows_.rows(), unit_queries.cols());
  const double work = static_cast<double>(unit_rows_.size()) * static_cast<double>(unit_queries.cols());
  const auto threads = static_cast<Eigen::Index>(std::clamp<double>(
      std::min<double>(std::thread::hardware_concurrency(), work / kWorkPerThread), 1, 64));
  const Eigen::Index block = (unit_rows_.rows() + threads - 1) / threads;
  const auto multiply = [&](Eigen::Index begin) {
    const Eigen::Index rows = std::min(block, unit_rows_.rows() - begin);
    if (rows > 0) result.middleRows(begin, rows).noalias() = unit_rows_.middleRows(begin, rows) * unit_queries;
  };
  {
    std::vector<std::jthread> workers;  // joined at the end of this scope
    for (Eigen::Index t = 1; t < threads; ++t) workers.emplace_back(multiply, t * block);
    multiply(0);
  }
  return result;
}

std::vector<Neighbour> NearestIndex::nearest(const Eigen::Ref<const Eigen::VectorXf>& query,
                                             std::size_t k, std::span<const WordId> exclude) const {
  const float query_norm = query.norm();
  if (k == 0 || !(query_norm > 0) || unit_rows_.rows() <= kFirstWordId) return {};
  // One matrix-vector product gives every cosine at once; the rows are already unit length.
  const Eigen::MatrixXf similarities = scores(query / query_norm);
  return top_k(similarities.data(), similarities.rows(), k, exclude);
}

std::vector<std::vector<Neighbour>> NearestIndex::nearest(std::span<const NearestQuery> queries,
                                                          std::size_t k,
                                                          std::size_t score_budget) const {
  std::vector<std::vector<Neighbour>> answers(queries.size());
  const auto rows = static_cast<std::size_t>(std::max<Eigen::Index>(unit_rows_.rows(), 1));
  const std::size_t group = std::max<std::size_t>(1, score_budget / rows);
  for (std::size_t begin = 0; begin < queries.size(); begin += group) {
    const std::size_t end = std::min(queries.size(), begin + group);
    // Unit-length queries as columns; a zero query stays zero and gets no answers.
    Eigen::MatrixXf columns(unit_rows_.cols(), static_cast<Eigen::Index>(end - begin));
    for (std::size_t q = begin; q < end; ++q) {
      const float norm = queries[q].vector.norm();
      const auto column = static_cast<Eigen::Index>(q - begin);
      if (norm > 0) {
        columns.col(column) = queries[q].vector / norm;
      } else {
        columns.col(column).setZero();
      }
    }
    // Column-major: the scores of one query against every row are contiguous.
    const Eigen::MatrixXf group_scores = scores(columns);
    for (std::size_t q = begin; q < end; ++q) {
      if (k == 0 || !(queries[q].vector.norm() > 0)) continue;
      answers[q] = top_k(group_scores.col(static_cast<Eigen::Index>(q - begin)).data(),
                         group_scores.rows(), k, queries[q].exclude);
    }
  }
  return answers;
}

}  // namespace embedtool
