#pragma once
// `embedtool lookup --similarity A B ...`: the cosine similarity of word pairs, from the
// arguments (taken two by two) or from standard input (one pair per line)
// (query/similarity_lookup.h; output formats/similarity_output.h).
#include "lookup_options.h"

namespace embedtool::cli {

// Throws ExitStatus{1} at the end when some pair could not be answered (each was named on
// stderr); UsageError for an odd number of arguments.
void run_similarity_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
