#pragma once
// `embedtool lookup WORD...`: the rows of E for words or ids, in any output format, with the
// --oov policy for words the vocabulary lacks (query/row_lookup.h, formats/vector_rows_output.h).
#include "lookup_options.h"

namespace embedtool::cli {

// Throws ExitStatus{1} at the end when some query had no row (each was named on stderr).
void run_vector_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
