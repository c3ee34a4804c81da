#pragma once
// IEEE-754 binary16 <-> binary32, through Eigen::half (round to nearest even, as numpy's
// astype(float16) does). Widening is exact; narrowing rounds, and a finite value past the
// float16 range (|x| > 65504) would become infinity, which a writer must refuse rather than store.
#include <cstdint>

namespace embedtool {

std::uint16_t float16_bits_of(float value);
float float_of_float16_bits(std::uint16_t bits);

// True if `value` is NaN, infinite, or finite and stays finite as a float16.
bool fits_float16(float value);

inline constexpr float kLargestFloat16 = 65504.0f;

}  // namespace embedtool
