#pragma once
// Counting the words of the training corpus for its vocabulary, with the reader that training
// itself uses: long lines are read in pieces, so even a 100 MB line with no line end costs no
// more memory than a short one. Gives the same counts as count_corpus (build_vocabulary.h),
// which reads whole lines.
#include <string>

#include "embedtool/pipeline/build_vocabulary.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

// `path` must be a regular file; `display_name` names it in error messages.
CorpusCount count_text_file(const std::string& path, const std::string& display_name,
                            const Tokenizer& tokenizer);

}  // namespace embedtool
