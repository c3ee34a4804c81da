#pragma once
// The matrix section: rows x dims float32, little-endian, row-major, no padding between rows.
// Encoded in chunks so that the writer can checksum and then stream a large matrix without a
// second full-size copy in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

#include "embedtool/model.h"

namespace embedtool {

// Calls `consume` with consecutive pieces of the encoded matrix, together exactly
// rows x dims x 4 bytes. The span is only valid during the call.
void for_each_encoded_matrix_chunk(const Matrix& matrix,
                                   const std::function<void(std::span<const std::byte>)>& consume);

// `section` holds exactly rows x dims x 4 bytes (decode_emb_header has checked this).
Matrix decode_matrix_section(std::span<const std::byte> section, std::uint64_t rows,
                             std::uint64_t dims);

}  // namespace embedtool
