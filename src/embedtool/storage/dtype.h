#pragma once
// The element types a stored matrix may have. Computation is always float32; float16 is a storage
// choice that halves the file (each value is widened back to float32 as it is read).
#include <cstdint>
#include <optional>
#include <string_view>

namespace embedtool {

// The numbers are the .emb header's `dtype` codes (docs/FORMAT.md).
enum class Dtype : std::uint32_t {
  float32 = 0,
  float16 = 1,
};

inline constexpr std::uint64_t bytes_per_value(Dtype dtype) {
  return dtype == Dtype::float16 ? 2 : 4;
}

// "float32", "float16": the names --dtype takes and info prints.
inline constexpr std::string_view dtype_name(Dtype dtype) {
  return dtype == Dtype::float16 ? "float16" : "float32";
}

inline std::optional<Dtype> dtype_from_name(std::string_view name) {
  if (name == "float32") return Dtype::float32;
  if (name == "float16") return Dtype::float16;
  return std::nullopt;
}

}  // namespace embedtool
