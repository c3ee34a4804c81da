#pragma once
// `embedtool lookup --similarity A B ...`: the cosine similarity of word pairs, from the
// arguments (taken two by two) or from standard input (one pair per line). Only the rows asked
// for are read, so an .emb model is mapped, not loaded.
//
// Output: text and tsv are `a<TAB>b<TAB>cosine` lines (tsv --header names the columns), json
// one object per pair: {"word1":…,"word2":…,"similarity":…}. A zero row has similarity 0 with
// everything.
#include "lookup_options.h"

namespace embedtool::cli {

// Throws ExitStatus{1} at the end when some pair could not be answered (each was named on
// stderr); UsageError for an odd number of arguments.
void run_similarity_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
