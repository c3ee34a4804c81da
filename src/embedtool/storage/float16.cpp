#include "embedtool/storage/float16.h"

#include <cmath>

#include <Eigen/Core>

namespace embedtool {

std::uint16_t float16_bits_of(float value) {
  return Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(value));
}

float float_of_float16_bits(std::uint16_t bits) {
  return static_cast<float>(Eigen::numext::bit_cast<Eigen::half>(bits));
}

bool fits_float16(float value) {
  if (!std::isfinite(value)) return true;
  return std::isfinite(float_of_float16_bits(float16_bits_of(value)));
}

}  // namespace embedtool
