#pragma once
// Spearman's rank correlation: the Pearson correlation of the two samples' ranks, with tied
// values sharing the average of the ranks they span (as scipy.stats.spearmanr, which gensim's
// evaluate_word_pairs reports, does).
#include <span>
#include <vector>

namespace embedtool {

// 1-based ranks of `values` in ascending order; equal values get the mean of their ranks, so
// {10, 20, 20, 30} ranks as {1, 2.5, 2.5, 4}. `values` must not hold NaN.
std::vector<double> average_ranks(std::span<const double> values);

// Spearman's rho of two samples of the same size. NaN when it is undefined: fewer than two
// values, a NaN in either sample, or one sample constant (its ranks have no variance).
double spearman_correlation(std::span<const double> x, std::span<const double> y);

}  // namespace embedtool
