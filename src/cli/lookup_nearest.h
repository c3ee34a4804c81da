#pragma once
// `embedtool lookup --nearest K`: the K rows of E nearest by cosine to each query word, or to a
// vector expression such as `king - man + woman` (3CosAdd, vector_expression.h), with scores.
//
// Each input line is one query line: a line with an operator is one expression, a line of plain
// words asks for the neighbours of each. Queries that have already arrived together are answered
// together by one matrix product (NearestIndex), and their answers flushed when the input
// runs dry.
//
// Output: text and tsv are `query<TAB>neighbour<TAB>similarity` lines (tsv --header names the
// columns), json one object per query: {"query":…,"neighbours":[{"word":…,"similarity":…},…]}.
#include "lookup_options.h"

namespace embedtool::cli {

// Throws ExitStatus{1} at the end when some query could not be answered (each was named on
// stderr).
void run_nearest_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
