#pragma once
// Arithmetic on sizes read from a file. Those numbers are untrusted: a size near 2^64 must be
// reported as too large, never wrap around into a small number that passes a bounds check.
#include <cstdint>
#include <limits>
#include <optional>

namespace embedtool {

inline std::optional<std::uint64_t> checked_add(std::uint64_t a, std::uint64_t b) {
  if (a > std::numeric_limits<std::uint64_t>::max() - b) return std::nullopt;
  return a + b;
}

inline std::optional<std::uint64_t> checked_mul(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > std::numeric_limits<std::uint64_t>::max() / a) return std::nullopt;
  return a * b;
}

// True when [offset, offset + size) lies inside [0, limit).
inline bool range_fits(std::uint64_t offset, std::uint64_t size, std::uint64_t limit) {
  return offset <= limit && size <= limit - offset;
}

// For the writer, whose sizes describe memory that exists, so they cannot overflow.
// `alignment` is a power of two.
inline std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
  return (value + alignment - 1) & ~(alignment - 1);
}

}  // namespace embedtool
