#pragma once
// `embedtool lookup --sentence [FILE...]`: one vector per line of text, the mean of its input
// rows as the model forms h (classify/sentence_vectors.h), for word models and classifiers.
#include "lookup_options.h"

namespace embedtool::cli {

void run_sentence_lookup(const LookupOptions& options);

}  // namespace embedtool::cli
