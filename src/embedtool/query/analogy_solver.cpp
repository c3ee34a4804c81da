#include "embedtool/query/analogy_solver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "embedtool/query/unit_length.h"

namespace embedtool {
namespace {

constexpr float kExcluded = -std::numeric_limits<float>::infinity();
// Rows scanned together when looking for the rows near the best score.
constexpr Eigen::Index kScanBlock = 64;

Eigen::VectorXd unit_double(const Eigen::RowVectorXf& vector) {
  Eigen::VectorXd v = vector.transpose().cast<double>();
  scale_to_unit_length(v);
  return v;
}

// The questions [begin, end) of one batch and the columns of their words in its score matrix.
struct Batch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::vector<WordId> column_rows;                     // the distinct question words
  std::unordered_map<WordId, Eigen::Index> column_of;  // row -> column
};

// Takes questions from `begin` on while their distinct words fit in `max_columns` (at least one
// question, whose three words always fit).
Batch next_batch(std::span<const AnalogyTriple> questions, std::size_t begin,
                 std::size_t max_columns) {
  Batch batch;
  batch.begin = begin;
  std::size_t end = begin;
  for (; end < questions.size(); ++end) {
    std::size_t new_words = 0;
    for (const WordId row : questions[end]) new_words += batch.column_of.contains(row) ? 0 : 1;
    if (end > begin && batch.column_rows.size() + new_words > max_columns) break;
    for (const WordId row : questions[end]) {
      if (batch.column_of.try_emplace(row, static_cast<Eigen::Index>(batch.column_rows.size()))
              .second) {
        batch.column_rows.push_back(row);
      }
    }
  }
  batch.end = end;
  return batch;
}

}  // namespace

AnalogySolver::AnalogySolver(const Matrix& vectors, const CaseInsensitiveIndex& index,
                             std::size_t score_budget)
    : vectors_(vectors), index_(index), score_budget_(score_budget) {
  const Eigen::Index candidates = index.end_row() - kFirstWordId;
  unit_rows_ = vectors.middleRows(kFirstWordId, candidates);
  normalize_rows(unit_rows_);
}

Eigen::RowVectorXf AnalogySolver::question_vector(WordId row, const Matrix& outside) const {
  if (row < index_.end_row()) return vectors_.row(row);
  return outside.row(row - index_.end_row());
}

std::vector<std::optional<WordId>> AnalogySolver::solve(std::span<const AnalogyTriple> questions,
                                                        const Matrix& outside) const {
  std::vector<std::optional<WordId>> answers;
  answers.reserve(questions.size());
  const std::size_t candidates = static_cast<std::size_t>(unit_rows_.rows());
  if (candidates == 0) {
    answers.resize(questions.size());
    return answers;
  }
  const std::size_t max_columns = std::max<std::size_t>(3, score_budget_ / candidates);
  Eigen::VectorXf scores(unit_rows_.rows());
  for (std::size_t begin = 0; begin < questions.size();) {
    const Batch batch = next_batch(questions, begin, max_columns);
    Matrix words(static_cast<Eigen::Index>(batch.column_rows.size()), unit_rows_.cols());
    for (std::size_t column = 0; column < batch.column_rows.size(); ++column) {
      const WordId row = batch.column_rows[column];
      auto word = words.row(static_cast<Eigen::Index>(column));
      if (row < index_.end_row()) {
        word = unit_rows_.row(row - kFirstWordId);
      } else {
        word = outside.row(row - index_.end_row());
        scale_to_unit_length(word);
      }
    }
    // Column-major: the cosines of one word with every candidate are contiguous.
    const Eigen::MatrixXf cosines = unit_rows_ * words.transpose();
    for (std::size_t q = batch.begin; q < batch.end; ++q) {
      const auto& [a, b, c] = questions[q];
      scores = cosines.col(batch.column_of.at(b)) - cosines.col(batch.column_of.at(a)) +
               cosines.col(batch.column_of.at(c));
      answers.push_back(best_row(questions[q], outside, scores));
    }
    begin = batch.end;
  }
  return answers;
}

std::optional<WordId> AnalogySolver::best_row(const AnalogyTriple& question, const Matrix& outside,
                                              Eigen::VectorXf& scores) const {
  const auto excluded = [&](Eigen::Index candidate) {
    const WordId representative = index_.representative(candidate + kFirstWordId);
    return std::find(question.begin(), question.end(), representative) != question.end();
  };
  for (const WordId row : question)
    if (row < index_.end_row()) scores[row - kFirstWordId] = kExcluded;
  Eigen::VectorXd target = Eigen::VectorXd::Zero(vectors_.cols());
  target += unit_double(question_vector(question[1], outside));
  target -= unit_double(question_vector(question[0], outside));
  target += unit_double(question_vector(question[2], outside));
  while (true) {
    // maxCoeff without an index is vectorized; the scan below finds the rows near the top.
    const float best = scores.maxCoeff();
    if (!(best > kExcluded)) return std::nullopt;  // no row left (or NaN vectors)
    const float threshold = best - kRecheckMargin;
    std::optional<WordId> answer;
    double answer_score = -std::numeric_limits<double>::infinity();
    bool dropped_near_top = false;
    // Blocks whose (vectorized) maximum is below the threshold are skipped whole.
    for (Eigen::Index block = 0; block < scores.size(); block += kScanBlock) {
      const Eigen::Index block_end = std::min(block + kScanBlock, scores.size());
      if (scores.segment(block, block_end - block).maxCoeff() < threshold) continue;
      for (Eigen::Index candidate = block; candidate < block_end; ++candidate) {
        if (scores[candidate] < threshold) continue;
        // Another spelling of a question word (rare): it may have set the threshold, so drop
        // it and look again.
        if (excluded(candidate)) {
          scores[candidate] = kExcluded;
          dropped_near_top = true;
          continue;
        }
        const double score = exact_score(candidate + kFirstWordId, target);
        // Candidates come in increasing row order: a tie keeps the lower row.
        if (!answer || score > answer_score) {
          answer = candidate + kFirstWordId;
          answer_score = score;
        }
      }
    }
    if (!dropped_near_top) return answer;
  }
}

double AnalogySolver::exact_score(WordId row, const Eigen::VectorXd& target) const {
  const Eigen::VectorXd x = vectors_.row(row).transpose().cast<double>();
  const double norm = x.norm();
  return norm == 0 ? 0.0 : x.dot(target) / norm;
}

}  // namespace embedtool
