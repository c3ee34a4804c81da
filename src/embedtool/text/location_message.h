#pragma once
// The "(<file>: line 3, byte 1042)" part of an error message, so that every layer says where
// something went wrong in the same words.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace embedtool {

// Parts that are unknown are left out: an empty `source`, `line` 0, no `byte`. Returns "" when
// nothing is known, else the parenthesised place preceded by a space: " (corpus.txt: line 3)".
std::string location_message(std::string_view source, std::uint64_t line,
                             std::optional<std::uint64_t> byte = std::nullopt);

}  // namespace embedtool
