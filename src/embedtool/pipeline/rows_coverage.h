#pragma once
// The one line `convert --rows-from` logs so that a user sees at once whether the pretrained
// vectors suit the vocabulary: "found 3,780 of 3,840 words (98.4%) in glove.txt; 60 missing
// (zero rows), e.g. "don't", "e-mail", ...".
#include <cstdint>
#include <string>

#include "embedtool/pipeline/rows_from_vocabulary.h"

namespace embedtool {

// 3840 -> "3,840": counts of words are read by people here, not parsed.
std::string with_thousands_commas(std::uint64_t value);

// The first `examples` missing words (the most frequent, in a vocabulary ordered by count) are
// named; "..." says there are more.
std::string rows_coverage_line(const RowsFromResult& result, const RowsFromOptions& options,
                               const std::string& vectors_name, std::size_t examples = 5);

}  // namespace embedtool
