#include "embedtool/storage/emb_matrix_section.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/storage/float16.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace le = little_endian;

void check_matrix_fits_dtype(const Matrix& matrix, Dtype dtype, const std::string& destination) {
  if (dtype != Dtype::float16) return;
  const float* values = matrix.data();
  const auto total = static_cast<std::size_t>(matrix.size());
  const auto cols = static_cast<std::size_t>(matrix.cols());
  for (std::size_t i = 0; i < total; ++i) {
    if (!fits_float16(values[i])) {
      throw Error("cannot save " + destination + " as float16: the value " +
                  shortest_decimal(values[i]) + " at row " + decimal(i / cols) + ", column " +
                  decimal(i % cols) + " is beyond the float16 range (±65504); use float32");
    }
  }
}

void for_each_encoded_matrix_chunk(const Matrix& matrix, Dtype dtype,
                                   const std::function<void(std::span<const std::byte>)>& consume) {
  // Row-major storage: data() is already in file order, only the encoding remains.
  constexpr std::size_t kValuesPerChunk = std::size_t{1} << 18;
  const std::size_t value_bytes = bytes_per_value(dtype);
  const float* values = matrix.data();
  const auto total = static_cast<std::size_t>(matrix.size());
  std::vector<std::byte> chunk(value_bytes * std::min(total, kValuesPerChunk));
  for (std::size_t first = 0; first < total; first += kValuesPerChunk) {
    const std::size_t count = std::min(kValuesPerChunk, total - first);
    std::byte* out = chunk.data();
    if (dtype == Dtype::float16) {
      for (std::size_t i = 0; i < count; ++i) {
        le::store_u16(out + 2 * i, float16_bits_of(values[first + i]));
      }
    } else {
      for (std::size_t i = 0; i < count; ++i) le::store_f32(out + 4 * i, values[first + i]);
    }
    consume(std::span<const std::byte>(chunk.data(), value_bytes * count));
  }
}

void decode_values(const std::byte* bytes, std::size_t count, Dtype dtype, float* out) {
  if (dtype == Dtype::float16) {
    for (std::size_t i = 0; i < count; ++i) out[i] = float_of_float16_bits(le::load_u16(bytes + 2 * i));
  } else {
    for (std::size_t i = 0; i < count; ++i) out[i] = le::load_f32(bytes + 4 * i);
  }
}

Matrix decode_matrix_section(std::span<const std::byte> section, std::uint64_t rows,
                             std::uint64_t dims, Dtype dtype) {
  Matrix matrix(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(dims));
  decode_values(section.data(), section.size() / bytes_per_value(dtype), dtype, matrix.data());
  return matrix;
}

}  // namespace embedtool
