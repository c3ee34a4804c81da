#pragma once
// `embedtool lookup --nearest K`: the K rows of E nearest by cosine to each query word, or to a
// vector expression such as `king - man + woman`, with scores (query/nearest_lookup.h; output
// formats/neighbours_output.h).
#include "lookup_options.h"

namespace embedtool::cli {

// Throws ExitStatus{1} at the end when some query could not be answered (each was named on
// stderr).
void run_nearest_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
