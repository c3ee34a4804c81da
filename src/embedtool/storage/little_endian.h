#pragma once
// Little-endian encoding of file fields, one byte at a time: the file layout must not depend on
// the host's byte order or on how the compiler pads a struct, so nothing is memcpy'd.
#include <bit>
#include <cstddef>
#include <cstdint>

namespace embedtool::little_endian {

inline void store_u16(std::byte* out, std::uint16_t value) {
  for (int i = 0; i < 2; ++i) out[i] = static_cast<std::byte>(value >> (8 * i));
}

inline void store_u32(std::byte* out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<std::byte>(value >> (8 * i));
}

inline void store_u64(std::byte* out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::byte>(value >> (8 * i));
}

inline std::uint16_t load_u16(const std::byte* in) {
  return static_cast<std::uint16_t>(std::to_integer<std::uint16_t>(in[0]) |
                                    (std::to_integer<std::uint16_t>(in[1]) << 8));
}

inline std::uint32_t load_u32(const std::byte* in) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value |= std::uint32_t{std::to_integer<std::uint8_t>(in[i])} << (8 * i);
  return value;
}

inline std::uint64_t load_u64(const std::byte* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= std::uint64_t{std::to_integer<std::uint8_t>(in[i])} << (8 * i);
  return value;
}

// Through the bit pattern, so -0.0, denormals and NaN payloads survive unchanged.
inline void store_f32(std::byte* out, float value) { store_u32(out, std::bit_cast<std::uint32_t>(value)); }
inline float load_f32(const std::byte* in) { return std::bit_cast<float>(load_u32(in)); }

}  // namespace embedtool::little_endian
