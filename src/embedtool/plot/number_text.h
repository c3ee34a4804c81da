#pragma once
// Numbers in the sentences of a chart (its title and notes), as a person writes them.
#include <cstdint>
#include <string>

namespace embedtool {

// 1234567 as "1,234,567".
std::string with_thousands(std::uint64_t n);

// `value` to `significant` digits, without trailing zeros: 3.14159 to 3 is "3.14", 0.5 is "0.5".
std::string rounded(double value, int significant);

// A share from 0 to 1 as a percentage with one decimal: "87.3%".
std::string percent(double share);

}  // namespace embedtool
