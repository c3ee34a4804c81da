#pragma once
// `embedtool lookup --batch`: Y = E[X] for padded id sequences X, one per line of standard input
// (as `embedtool pad` writes them), Y[i, j, :] = E[X[i, j], :].
//
// Output shapes, by format (B sequences of length L, D = output_dim):
//   npy   a float32 array of shape (B, L, D);
//   text  one line per sequence: its L·D numbers, position by position, separated by spaces
//         (numpy: np.loadtxt(f, ndmin=2).reshape(-1, L, D));
//   tsv   one line per position: sequence index, position, id, then the D numbers (0-based
//         indices, as numpy's), with --header a first line naming the columns;
//   json  one object per sequence: {"ids":[...],"vectors":[[...], ...]}.
// Text formats stream (a line out per line in); npy is written when the input ends.
#include "lookup_options.h"

namespace embedtool::cli {

// Throws Error, naming the line, for a line that is not ids, an id outside E, or a line whose
// length differs from the first line's.
void run_batch_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
