#include "embedtool/formats/fasttext_quantized_matrix.h"

#include <optional>
#include <string>

#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

constexpr std::uint64_t kQuantizerHeaderBytes = 4 * 4;

struct QuantizerHeader {
  std::int32_t dim = 0;
  std::int32_t subquantizers = 0;
  std::int32_t sub_dim = 0;
  std::int32_t last_sub_dim = 0;
};

QuantizerHeader read_quantizer_header(FastTextCursor& in, const std::string& what) {
  in.need(kQuantizerHeaderBytes, what);
  QuantizerHeader header;
  header.dim = in.i32(what);
  header.subquantizers = in.i32(what);
  header.sub_dim = in.i32(what);
  header.last_sub_dim = in.i32(what);
  return header;
}

// fastText derives nsubq and lastdsub from dim and dsub (ProductQuantizer's constructor); a file
// whose fields disagree would have centroids where the decoder does not look for them.
ProductQuantizerPlace check_quantizer(const QuantizerHeader& header, std::uint64_t cols,
                                      FastTextCursor& in, const std::string& what, std::uint64_t at) {
  if (header.dim < 0 || static_cast<std::uint64_t>(header.dim) != cols) {
    in.fail(what + " has dim " + std::to_string(header.dim) + ", the matrix " + decimal(cols) + " columns", at);
  }
  if (header.sub_dim < 1 || header.sub_dim > header.dim) {
    in.fail(what + " cuts rows into pieces of " + std::to_string(header.sub_dim) +
                " columns (dsub), expected 1 to " + std::to_string(header.dim),
            at + 8);
  }
  const std::int32_t remainder = header.dim % header.sub_dim;
  const std::int32_t pieces = header.dim / header.sub_dim + (remainder == 0 ? 0 : 1);
  const std::int32_t last_piece = remainder == 0 ? header.sub_dim : remainder;
  if (header.subquantizers != pieces || header.last_sub_dim != last_piece) {
    in.fail(what + " has " + std::to_string(header.subquantizers) + " sub-quantizers (nsubq), the last of " +
                std::to_string(header.last_sub_dim) + " columns (lastdsub); dim " +
                std::to_string(header.dim) + " and dsub " + std::to_string(header.sub_dim) + " make " +
                std::to_string(pieces) + ", the last of " + std::to_string(last_piece),
            at + 4);
  }
  return {static_cast<std::uint64_t>(header.dim), static_cast<std::uint64_t>(header.subquantizers),
          static_cast<std::uint64_t>(header.sub_dim), static_cast<std::uint64_t>(header.last_sub_dim), 0};
}

}  // namespace

QuantizedMatrixPlace read_quantized_matrix(FastTextCursor& in, std::string_view name, std::int32_t dim) {
  const std::string matrix = "the " + std::string(name) + " matrix";
  QuantizedMatrixPlace place;
  const std::uint64_t qnorm_at = in.at();
  const std::uint8_t qnorm = in.u8(matrix + "'s norm flag");
  if (qnorm > 1) {
    in.fail(matrix + "'s norm flag (qnorm) is " + std::to_string(qnorm) + ", expected 0 or 1", qnorm_at);
  }
  place.quantized_norms = qnorm == 1;

  const std::uint64_t shape_at = in.at();
  const std::int64_t rows = in.i64(matrix + "'s shape");
  const std::int64_t cols = in.i64(matrix + "'s shape");
  if (rows < 0 || cols < 0) {
    in.fail(matrix + " has shape " + std::to_string(rows) + " x " + std::to_string(cols), shape_at);
  }
  if (cols != dim) {
    in.fail(matrix + " has " + std::to_string(cols) + " columns, its dim says " + std::to_string(dim), shape_at + 8);
  }
  place.rows = static_cast<std::uint64_t>(rows);
  place.cols = static_cast<std::uint64_t>(cols);

  const std::uint64_t codesize_at = in.at();
  const std::int32_t codesize = in.i32(matrix + "'s code size");
  if (codesize < 0) in.fail(matrix + "'s code size is " + std::to_string(codesize), codesize_at);
  place.codes = in.at();
  in.skip(static_cast<std::uint64_t>(codesize), matrix + "'s codes (" + std::to_string(codesize) + " bytes)");

  const std::string quantizer = matrix + "'s quantizer";
  const std::uint64_t quantizer_at = in.at();
  place.quantizer = check_quantizer(read_quantizer_header(in, quantizer), place.cols, in, quantizer, quantizer_at);
  // Each row has one code per sub-quantizer: any other code size leaves rows without codes or
  // codes that belong to no row.
  const std::optional<std::uint64_t> codes_needed = checked_mul(place.rows, place.quantizer.subquantizers);
  if (!codes_needed || *codes_needed != static_cast<std::uint64_t>(codesize)) {
    in.fail(matrix + " has " + std::to_string(codesize) + " bytes of codes, its " + decimal(place.rows) +
                " rows x " + decimal(place.quantizer.subquantizers) + " sub-quantizers need " +
                (codes_needed ? decimal(*codes_needed) : "more than 2^64"),
            codesize_at);
  }
  place.quantizer.centroids = in.at();
  // dim <= 2^31 and 256 x 4 bytes each: no overflow.
  in.skip(place.quantizer.dim * kFastTextCentroids * 4,
          matrix + "'s centroids (" + decimal(place.quantizer.dim) + " x 256 float32)");

  if (place.quantized_norms) {
    place.norm_codes = in.at();
    in.skip(place.rows, matrix + "'s norm codes (" + decimal(place.rows) + " bytes)");
    const std::string norms = matrix + "'s norm quantizer";
    const std::uint64_t norms_at = in.at();
    const QuantizerHeader header = read_quantizer_header(in, norms);
    if (header.dim != 1 || header.subquantizers != 1 || header.sub_dim != 1 || header.last_sub_dim != 1) {
      in.fail(norms + " has dim " + std::to_string(header.dim) + ", nsubq " +
                  std::to_string(header.subquantizers) + ", dsub " + std::to_string(header.sub_dim) +
                  ", lastdsub " + std::to_string(header.last_sub_dim) + "; expected 1 each (one norm per row)",
              norms_at);
    }
    place.norm_centroids = in.at();
    in.skip(kFastTextCentroids * 4, matrix + "'s norm centroids (256 float32)");
  }
  return place;
}

void add_quantized_row(std::span<const std::byte> bytes, const QuantizedMatrixPlace& matrix,
                       std::uint64_t row, Eigen::RowVectorXf& sum) {
  // In bounds: read_quantized_matrix checked that the codes, centroids and norms are in the file
  // and that the quantizer's fields agree with each other, and a code is at most 255.
  const ProductQuantizerPlace& quantizer = matrix.quantizer;
  float norm = 1.0f;
  if (matrix.quantized_norms) {
    const auto norm_code = std::to_integer<std::uint64_t>(bytes[matrix.norm_codes + row]);
    norm = little_endian::load_f32(bytes.data() + matrix.norm_centroids + 4 * norm_code);
  }
  const std::byte* codes = bytes.data() + matrix.codes + row * quantizer.subquantizers;
  const std::byte* centroids = bytes.data() + quantizer.centroids;
  for (std::uint64_t piece = 0; piece < quantizer.subquantizers; ++piece) {
    const auto code = std::to_integer<std::uint64_t>(codes[piece]);
    const bool last = piece + 1 == quantizer.subquantizers;
    const std::uint64_t width = last ? quantizer.last_sub_dim : quantizer.sub_dim;
    const std::uint64_t first = last ? piece * kFastTextCentroids * quantizer.sub_dim + code * width
                                     : (piece * kFastTextCentroids + code) * quantizer.sub_dim;
    const auto column = static_cast<Eigen::Index>(piece * quantizer.sub_dim);
    for (std::uint64_t k = 0; k < width; ++k) {
      sum[column + static_cast<Eigen::Index>(k)] +=
          norm * little_endian::load_f32(centroids + 4 * (first + k));
    }
  }
}

}  // namespace embedtool
