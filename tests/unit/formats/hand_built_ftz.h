#pragma once
// A small quantized fastText model (.ftz) built byte by byte from the layout in docs/FORMAT.md
// (not with the reader's code), for the reader's tests: the header and dictionary of a
// HandBuiltFastText, then pruned pairs, a product-quantized input matrix and an output matrix.
// Every field a test may break can be set; -1 means "what a valid file has".
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "hand_built_fasttext.h"

namespace embedtool::formats_test {

struct HandBuiltFtz {
  HandBuiltFastText front = dim3();
  // (bucket, row) pairs of a pruned dictionary, written in this order; nullopt: not pruned.
  std::optional<std::vector<std::pair<std::int32_t, std::int32_t>>> pruned;
  std::uint8_t quantized = 1;
  std::uint8_t qnorm = 0;
  std::int64_t rows = -1;  // words + buckets, or words + pairs when pruned
  std::int64_t cols = -1;  // dim
  std::int32_t codesize = -1;  // rows x nsubq (any other value is written as it is)
  std::int32_t quantizer_dim = -1;
  std::int32_t dsub = 2;
  std::int32_t nsubq = -1;     // ceil(dim / dsub)
  std::int32_t lastdsub = -1;  // dim - (nsubq - 1) x dsub
  std::int32_t norm_quantizer_dim = 1;
  std::uint8_t qout = 0;  // 1: the output matrix is quantized too
  std::uint64_t trailing_bytes = 0;

  // Three columns cut as 2 + 1 by default: a full piece and a shorter last one.
  static HandBuiltFastText dim3() {
    HandBuiltFastText hand;
    hand.dim = 3;
    return hand;
  }

  // Row r's code for piece p; centroid c of piece p, column k within it; row r's norm (qnorm).
  static std::uint8_t code(std::int64_t row, std::int64_t piece) {
    return static_cast<std::uint8_t>((row * 7 + piece * 3 + 1) % 256);
  }
  static float centroid(std::int64_t piece, std::int64_t c, std::int64_t k) {
    return static_cast<float>(c) + 0.5f * static_cast<float>(k) + 300.0f * static_cast<float>(piece);
  }
  static std::uint8_t norm_code(std::int64_t row) { return static_cast<std::uint8_t>(row % 3); }
  static float norm_centroid(std::int64_t c) { return 0.5f + static_cast<float>(c); }

  // Row r as the file encodes it, with `dsub` columns a piece (the tests' oracle).
  static std::vector<float> decoded(std::int64_t row, std::int64_t dim, std::int64_t dsub, bool with_norm) {
    std::vector<float> values;
    const float norm = with_norm ? norm_centroid(norm_code(row)) : 1.0f;
    for (std::int64_t col = 0; col < dim; ++col) {
      const std::int64_t piece = col / dsub;
      values.push_back(norm * centroid(piece, code(row, piece), col % dsub));
    }
    return values;
  }

  std::int64_t input_rows() const {
    if (rows >= 0) return rows;
    const auto words = static_cast<std::int64_t>(front.words.size());
    return words + (pruned ? static_cast<std::int64_t>(pruned->size()) : front.bucket);
  }

  std::vector<std::byte> build() const {
    HandBuiltFastText header = front;
    header.pruneidx_size = pruned ? static_cast<std::int64_t>(pruned->size()) : -1;
    std::vector<std::byte> out = header.build_front();
    auto put = [&out](const void* data, std::size_t size) {
      const auto* bytes = static_cast<const std::byte*>(data);
      out.insert(out.end(), bytes, bytes + size);
    };
    auto u8 = [&](std::uint8_t v) { out.push_back(std::byte{v}); };
    auto i32 = [&](std::int32_t v) { put(&v, 4); };
    auto i64 = [&](std::int64_t v) { put(&v, 8); };
    auto f32 = [&](float v) { put(&v, 4); };
    if (pruned) {
      for (const auto& [bucket, row] : *pruned) {
        i32(bucket);
        i32(row);
      }
    }
    u8(quantized);
    // A product-quantized matrix: qnorm, shape, codes, quantizer, then norms.
    auto matrix = [&](std::int64_t m, std::int64_t n, std::int32_t piece, bool overridable) {
      const auto dim = static_cast<std::int32_t>(n);
      const std::int32_t pieces = nsubq >= 0 && overridable ? nsubq : (dim + piece - 1) / piece;
      const std::int32_t last = lastdsub >= 0 && overridable ? lastdsub : dim - (pieces - 1) * piece;
      u8(qnorm);
      i64(m);
      i64(cols >= 0 && overridable ? cols : n);
      const std::int32_t size = codesize != -1 && overridable ? codesize : static_cast<std::int32_t>(m) * pieces;
      i32(size);
      for (std::int32_t i = 0; i < size; ++i) u8(code(i / pieces, i % pieces));
      i32(quantizer_dim >= 0 && overridable ? quantizer_dim : dim);
      i32(pieces);
      i32(piece);
      i32(last);
      // Centroid c of piece p at (p x 256 + c) x dsub; of the last piece at p x 256 x dsub + c x lastdsub.
      std::vector<float> centroids(static_cast<std::size_t>(dim) * 256, 0.0f);
      for (std::int32_t p = 0; p < pieces; ++p) {
        const std::int32_t width = p + 1 == pieces ? last : piece;
        for (std::int32_t c = 0; c < 256; ++c) {
          const std::int64_t first = p + 1 == pieces ? std::int64_t{p} * 256 * piece + std::int64_t{c} * width
                                                     : (std::int64_t{p} * 256 + c) * piece;
          for (std::int32_t k = 0; k < width; ++k) {
            const auto at = static_cast<std::size_t>(first + k);
            if (at < centroids.size()) centroids[at] = centroid(p, c, k);
          }
        }
      }
      for (const float v : centroids) f32(v);
      if (qnorm == 1) {
        for (std::int64_t r = 0; r < m; ++r) u8(norm_code(r));
        i32(overridable ? norm_quantizer_dim : 1);
        i32(1);
        i32(1);
        i32(1);
        for (std::int32_t c = 0; c < 256; ++c) f32(norm_centroid(c));
      }
    };
    matrix(input_rows(), front.dim, dsub, true);
    u8(qout);
    const auto output_rows = static_cast<std::int64_t>(front.labels.empty() ? front.words.size() : front.labels.size());
    if (qout == 1) {
      matrix(output_rows, front.dim, 2, false);
    } else {
      i64(output_rows);
      i64(front.dim);
      for (std::int64_t i = 0; i < output_rows * front.dim; ++i) f32(0.25f);
    }
    out.resize(out.size() + trailing_bytes, std::byte{0});
    return out;
  }
};

}  // namespace embedtool::formats_test
