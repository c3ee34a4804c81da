#pragma once
// The matrix section: rows x dims values of the file's dtype (float32 or float16), little-endian,
// row-major, no padding between rows. Encoded in chunks so that the writer can checksum and then
// stream a large matrix without a second full-size copy in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include <Eigen/Core>

#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"

namespace embedtool {

// Throws Error naming `destination` and the row and column of the first value that `dtype`
// cannot hold (a finite float32 beyond the float16 range). Call before writing anything.
void check_matrix_fits_dtype(const Matrix& matrix, Dtype dtype, const std::string& destination);

// Calls `consume` with consecutive pieces of the encoded matrix, together exactly
// rows x dims x bytes_per_value(dtype) bytes. The span is only valid during the call.
void for_each_encoded_matrix_chunk(const Matrix& matrix, Dtype dtype,
                                   const std::function<void(std::span<const std::byte>)>& consume);

// Widens `count` encoded values starting at `bytes` into `out`.
void decode_values(const std::byte* bytes, std::size_t count, Dtype dtype, float* out);

// `section` holds exactly rows x dims values (decode_emb_header has checked this).
Matrix decode_matrix_section(std::span<const std::byte> section, std::uint64_t rows,
                             std::uint64_t dims, Dtype dtype);

}  // namespace embedtool
