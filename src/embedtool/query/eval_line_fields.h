#pragma once
// How the lines of evaluation files (word pairs, analogy questions) split into fields: on runs of
// spaces and tabs, so that files written either way read alike.
#include <string_view>
#include <vector>

namespace embedtool {

// The non-empty fields of `line`, left to right.
std::vector<std::string_view> split_eval_fields(std::string_view line);

}  // namespace embedtool
