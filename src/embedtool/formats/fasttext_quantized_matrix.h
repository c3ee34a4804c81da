#pragma once
// fastText's product-quantized matrix (its QuantMatrix, fastText 0.9.2; QMatrix before, the same
// bytes), which `fasttext quantize` writes into .ftz models, read in place: a row is decoded from
// its codes when it is asked for, so a lookup of a few words decodes a few dozen rows. docs/
// FORMAT.md has the table.
//
//   u8 qnorm; i64 rows, i64 cols; i32 codesize (= rows x nsubq); codesize u8 codes, row r's nsubq
//   codes at r x nsubq; the quantizer: i32 dim (= cols), nsubq, dsub, lastdsub; dim x 256 f32
//   centroids. With qnorm, then: rows u8 norm codes; a second quantizer of one dimension (i32 1,
//   1, 1, 1; 256 f32), whose centroid is the row's norm.
//
// Product quantization cuts a row into nsubq pieces of dsub columns (the last piece lastdsub
// columns, what is left) and stores, for each piece, the number (0..255) of the nearest of its
// sub-quantizer's 256 centroids: 1 byte per piece instead of 4 per column. The centroids of
// sub-quantizer q (all dsub long but the last's) are stored one after the other: centroid c of q
// starts at float (q x 256 + c) x dsub, and of the last q at q x 256 x dsub + c x lastdsub.
// With qnorm the rows were scaled to unit length before quantizing and their norms quantized
// apart (the second quantizer), so a decoded row is its centroids times its norm.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <Eigen/Core>

#include "embedtool/formats/fasttext_cursor.h"

namespace embedtool {

// Centroids per sub-quantizer: fastText's codes are 8 bits.
inline constexpr std::uint64_t kFastTextCentroids = 256;

struct ProductQuantizerPlace {
  std::uint64_t dim = 0;
  std::uint64_t subquantizers = 0;  // nsubq
  std::uint64_t sub_dim = 0;        // dsub
  std::uint64_t last_sub_dim = 0;   // lastdsub
  std::uint64_t centroids = 0;      // offset of dim x 256 f32
};

struct QuantizedMatrixPlace {
  std::uint64_t rows = 0;
  std::uint64_t cols = 0;
  std::uint64_t codes = 0;  // offset of rows x subquantizers bytes
  ProductQuantizerPlace quantizer;
  bool quantized_norms = false;      // qnorm
  std::uint64_t norm_codes = 0;      // offset of rows bytes
  std::uint64_t norm_centroids = 0;  // offset of 256 f32
};

// Reads the matrix at the cursor (after its quantization flag) and leaves the cursor after it.
// Every size and every quantizer field is checked against `dim`, each other and the bytes left,
// so that decoding any row < rows reads only inside the file; anything else fails naming the
// matrix ("input" or "output") and what is wrong.
QuantizedMatrixPlace read_quantized_matrix(FastTextCursor& in, std::string_view name, std::int32_t dim);

// Adds row `row` (< matrix.rows) decoded to `sum` (matrix.cols values), as fastText's
// addRowToVector does: each value norm x centroid value, in float32.
void add_quantized_row(std::span<const std::byte> bytes, const QuantizedMatrixPlace& matrix,
                       std::uint64_t row, Eigen::RowVectorXf& sum);

}  // namespace embedtool
