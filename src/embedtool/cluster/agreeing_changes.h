#pragma once
// How an MPI job with more than two ranks combines the changes of its busiest rows (the most
// frequent words' rows of E and of the head, rank_sync.h): by how much the ranks' moves of a row
// agree.
//
// Between two combinations every rank moves such a row thousands of times. Model one rank's
// moves of it as steps towards a point x* that all ranks share (the row's best value given the
// rest of the model): each rank goes a share m of the way, d = m·(x* − x0). One process reading
// the ranks' words in turn would go 1 − (1 − m)^c of the way, so the ranks' sum c·m·(x* − x0)
// is right while m is small and overshoots as m nears 1 (by c times; it diverges once c·m > 2:
// with 4 ranks on the e2e tests' small corpus, even at 1,000 words per rank between syncs). m is
// not known, but its effect shows: a row moved a long way by many steps comes out of every rank
// the same (d_i ≈ d), one moved by a few noisy steps differently. Hence, for the sum S = Σ d_i of
// the c ranks' changes,
//
//     combined = S · min(1, Σ|d_i|² / |S|²)
//
// which is the mean d when the c moves are equal (|S|² = c²|d|², Σ|d_i|² = c|d|²: the
// saturated case, where the mean is what one process would reach), and the sum S when they are
// orthogonal or opposed (|S|² ≤ Σ|d_i|²: independent noise, which one process adds up too).
// It needs one float per row besides the sum: Σ|d_i|², summed over the ranks with the changes.
//
// It is kept to the busiest rows: elsewhere, moves that agree are mostly the small-m kind that
// must be summed (applied to every row of 4 ranks' E and head, WordSim-353 fell to 0.09 against
// one process's 0.21; docs/SCALING.md).
#include <cstddef>

namespace embedtool {

// out[r] = |row r|² for `rows` rows of `dim` floats.
void row_squared_norms(const float* changes, std::size_t rows, std::size_t dim, float* out);

// Each of `rows` summed rows of `dim` floats times min(1, moves_squared[r] / |row r|²), where
// moves_squared[r] is the sum over the ranks of |their change of row r|².
void scale_by_agreement(float* sums, const float* moves_squared, std::size_t rows,
                        std::size_t dim);

}  // namespace embedtool
