#include "embedtool/storage/emb_matrix_section.h"

#include <algorithm>
#include <vector>

#include "embedtool/storage/little_endian.h"

namespace embedtool {

namespace le = little_endian;

void for_each_encoded_matrix_chunk(const Matrix& matrix,
                                   const std::function<void(std::span<const std::byte>)>& consume) {
  // Row-major storage: data() is already in file order, only the byte order needs encoding.
  constexpr std::size_t kFloatsPerChunk = std::size_t{1} << 18;  // 1 MiB of output
  const float* values = matrix.data();
  const auto total = static_cast<std::size_t>(matrix.size());
  std::vector<std::byte> chunk(4 * std::min(total, kFloatsPerChunk));
  for (std::size_t first = 0; first < total; first += kFloatsPerChunk) {
    std::size_t count = std::min(kFloatsPerChunk, total - first);
    for (std::size_t i = 0; i < count; ++i) le::store_f32(chunk.data() + 4 * i, values[first + i]);
    consume(std::span<const std::byte>(chunk.data(), 4 * count));
  }
}

Matrix decode_matrix_section(std::span<const std::byte> section, std::uint64_t rows,
                             std::uint64_t dims) {
  Matrix matrix(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(dims));
  float* values = matrix.data();
  const std::size_t total = section.size() / 4;
  for (std::size_t i = 0; i < total; ++i) values[i] = le::load_f32(section.data() + 4 * i);
  return matrix;
}

}  // namespace embedtool
