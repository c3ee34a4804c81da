#pragma once
// The rows of E as they are stored, to be read in place: a mapped .emb file's matrix section or
// a matrix in memory. Searches that compare a query with every row (query/exact_search.h) read
// them through this, so that a mapped model is never copied, widened or normalized first.
#include <bit>
#include <cstddef>
#include <cstdint>

#include "embedtool/storage/dtype.h"

namespace embedtool {

// In-place reading takes the little-endian bytes of the file as native floats.
static_assert(std::endian::native == std::endian::little,
              "StoredRows reads little-endian f32/f16 values in place");

struct StoredRows {
  const std::byte* values = nullptr;  // rows x dims values of dtype, row-major, no padding
  std::uint64_t rows = 0;
  std::uint64_t dims = 0;
  Dtype dtype = Dtype::float32;
  // The Euclidean length of each row, as the file's norms section stores it; nullptr when the
  // model has none, and a search then computes them as it goes.
  const float* norms = nullptr;

  std::uint64_t row_bytes() const { return dims * bytes_per_value(dtype); }
  const std::byte* row(std::uint64_t index) const { return values + index * row_bytes(); }
};

}  // namespace embedtool
