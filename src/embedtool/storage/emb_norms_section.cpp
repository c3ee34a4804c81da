#include "embedtool/storage/emb_norms_section.h"

#include <cmath>

#include "embedtool/storage/emb_section_checksum.h"
#include "embedtool/storage/float16.h"
#include "embedtool/storage/little_endian.h"

namespace embedtool {

namespace {

// In double, so that the stored length is the correctly rounded float of the exact one: the
// same bytes whatever the machine or the order of the sum, as the format promises.
template <typename ValueAt>
float length_of(std::size_t dims, ValueAt value_at) {
  double square = 0;
  for (std::size_t d = 0; d < dims; ++d) {
    const double value = value_at(d);
    square += value * value;
  }
  return static_cast<float>(std::sqrt(square));
}

}  // namespace

std::vector<float> row_norms(const Matrix& vectors, Dtype dtype) {
  std::vector<float> norms(static_cast<std::size_t>(vectors.rows()));
  const auto dims = static_cast<std::size_t>(vectors.cols());
  for (Eigen::Index row = 0; row < vectors.rows(); ++row) {
    const float* values = vectors.row(row).data();
    norms[static_cast<std::size_t>(row)] = length_of(dims, [&](std::size_t d) {
      return dtype == Dtype::float16 ? float_of_float16_bits(float16_bits_of(values[d])) : values[d];
    });
  }
  return norms;
}

std::vector<float> row_norms(const StoredRows& rows) {
  std::vector<float> norms(rows.rows);
  for (std::uint64_t row = 0; row < rows.rows; ++row) {
    const std::byte* values = rows.row(row);
    norms[row] = length_of(rows.dims, [&](std::size_t d) {
      return rows.dtype == Dtype::float16
                 ? float_of_float16_bits(little_endian::load_u16(values + 2 * d))
                 : little_endian::load_f32(values + 4 * d);
    });
  }
  return norms;
}

std::vector<std::byte> encode_norms_section(std::span<const float> norms) {
  std::vector<std::byte> bytes(norms.size() * 4);
  for (std::size_t i = 0; i < norms.size(); ++i) little_endian::store_f32(bytes.data() + 4 * i, norms[i]);
  return bytes;
}

const float* checked_norms_in_place(std::span<const std::byte> file, const EmbHeader& header,
                                    const std::string& source_name) {
  const auto section = checksummed_section(file, header.norms.section, header.norms.crc32, "norms", source_name);
  return reinterpret_cast<const float*>(section.data());  // little-endian f32, 64-byte aligned
}

}  // namespace embedtool
