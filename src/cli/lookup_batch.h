#pragma once
// `embedtool lookup --batch`: Y = E[X] for padded id sequences X, one per line of standard input
// (as `embedtool pad` writes them). The gather and its rules are query/id_batch_gather.h; the
// output shapes, by format, formats/sequence_rows_output.h.
#include "lookup_options.h"

namespace embedtool::cli {

// Throws Error, naming the line, for a line that is not ids, an id outside E, or a line whose
// length differs from the first line's.
void run_batch_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
