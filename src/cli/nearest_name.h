#pragma once
// The known name a mistyped one was most likely meant to be, for "did you mean ...?" hints.
#include <optional>
#include <string>
#include <vector>

namespace embedtool::cli {

// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The name in `known` closest to `typed`, if close enough to be a typo: at most one edit for
// names of up to four letters, two beyond.
std::optional<std::string> nearest_name(const std::string& typed,
                                        const std::vector<std::string>& known);

}  // namespace embedtool::cli
