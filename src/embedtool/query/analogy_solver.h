#pragma once
// Answers analogy questions "a is to b as c is to ?" by 3CosAdd: the row x that maximizes
// cos(x, b̂ − â + ĉ) over unit-normalized vectors, searched among the rows of a
// CaseInsensitiveIndex, leaving out the rows whose words fold like a, b or c. A question word may
// also be one the model lacks, given by its vector (a subword model's n-gram vector): such a
// word is never a candidate, so there is nothing to leave out for it.
//
// Speed: scoring a question against every candidate row is a matrix-vector product; done one
// question at a time, 20,000 questions over 30,000 × 100 vectors cost 120 GFLOP. Since
// x·(b̂ − â + ĉ) = x·b̂ − x·â + x·ĉ, a batch of questions needs only the cosines of every candidate
// with the batch's distinct words: one matrix product (candidates × distinct words), then three
// columns added per question. questions-words.txt's 14 sections have 1,102 distinct question
// words in all for 19,544 questions: 18 times fewer products of a row with the candidates.
//
// Exactness: the product runs in float, whose rounding depends on the build (SIMD width, FMA).
// The rows whose float score is within kRecheckMargin of the best are rescored in double
// precision from the stored vectors, so the answer is the same on every build; equal scores go
// to the lowest row (the most frequent word).
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/query/case_insensitive_index.h"

namespace embedtool {

// Rows of a, b, c: each within the index, or an outside word: index.end_row() + i names row i
// of the `outside` matrix given to solve().
using AnalogyTriple = std::array<WordId, 3>;

class AnalogySolver {
 public:
  // Keeps references to both; they must outlive the solver. `score_budget` (elements of the
  // float score matrix of one batch) is a parameter for the tests.
  AnalogySolver(const Matrix& vectors, const CaseInsensitiveIndex& index,
                std::size_t score_budget = kScoreBudget);

  // The best row for each question, in order; nullopt when no row is left to answer with.
  // `outside`: the vectors of the question words outside the index (any length; their
  // direction counts), as many columns as the model's vectors.
  std::vector<std::optional<WordId>> solve(std::span<const AnalogyTriple> questions,
                                           const Matrix& outside = Matrix()) const;

  // Float scores further than this below the best float score cannot be the best once
  // recomputed exactly: float rounding error of a 3-term cosine sum is below 1e-4 for vectors of
  // up to thousands of dimensions.
  static constexpr float kRecheckMargin = 1e-3f;
  // The float score matrix of one batch is kept under this many elements (128 MB), so memory
  // stays bounded for large vocabularies: the number of distinct words per batch shrinks instead.
  static constexpr std::size_t kScoreBudget = std::size_t{32} << 20;

 private:
  std::optional<WordId> best_row(const AnalogyTriple& question, const Matrix& outside,
                                 Eigen::VectorXf& scores) const;
  // A question word's vector: its row of the model, or of `outside`.
  Eigen::RowVectorXf question_vector(WordId row, const Matrix& outside) const;
  double exact_score(WordId row, const Eigen::VectorXd& target) const;

  const Matrix& vectors_;
  const CaseInsensitiveIndex& index_;
  std::size_t score_budget_;
  Matrix unit_rows_;  // candidate rows, row r - kFirstWordId; zero rows stay zero
};

}  // namespace embedtool
