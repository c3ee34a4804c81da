#include "embedtool/query/row_dots.h"

#include <immintrin.h>

#include <algorithm>

#include <Eigen/Core>

namespace embedtool {

namespace {

// ---- Portable loops. Eight partial sums let the compiler use SIMD without -ffast-math (it may
// not reorder one float sum on its own).

float portable_dot(const float* a, const float* b, std::size_t dims) {
  float partial[8] = {};
  std::size_t d = 0;
  for (; d + 8 <= dims; d += 8) {
    for (int i = 0; i < 8; ++i) partial[i] += a[d + i] * b[d + i];
  }
  float sum = ((partial[0] + partial[1]) + (partial[2] + partial[3])) +
              ((partial[4] + partial[5]) + (partial[6] + partial[7]));
  for (; d < dims; ++d) sum += a[d] * b[d];
  return sum;
}

void portable_widen(const std::byte* values, std::size_t count, float* out) {
  const auto* halves = reinterpret_cast<const Eigen::half*>(values);
  for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<float>(halves[i]);
}

void portable_dots(const float* rows, std::size_t count, std::size_t dims, const float* queries,
                   std::size_t query_count, float* scores, std::size_t stride, float* squares) {
  for (std::size_t r = 0; r < count; ++r) {
    const float* row = rows + r * dims;
    for (std::size_t q = 0; q < query_count; ++q) scores[r * stride + q] = portable_dot(row, queries + q * dims, dims);
    if (squares != nullptr) squares[r] = portable_dot(row, row, dims);
  }
}

// ---- AVX2 + FMA (+ F16C for widening), compiled for those instructions whatever the build's
// -march, and only called after the CPU said it has them.

#define EMBEDTOOL_AVX2 __attribute__((target("avx2,fma,f16c")))

EMBEDTOOL_AVX2 inline float horizontal_sum(__m256 v) {
  const __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  const __m128 pairs = _mm_add_ps(half, _mm_movehl_ps(half, half));
  return _mm_cvtss_f32(_mm_add_ss(pairs, _mm_shuffle_ps(pairs, pairs, 1)));
}

EMBEDTOOL_AVX2 void avx2_widen(const std::byte* values, std::size_t count, float* out) {
  std::size_t i = 0;
  for (; i + 8 <= count; i += 8) {
    const __m128i halves = _mm_loadu_si128(reinterpret_cast<const __m128i*>(values + 2 * i));
    _mm256_storeu_ps(out + i, _mm256_cvtph_ps(halves));
  }
  portable_widen(values + 2 * i, count - i, out + i);
}

// One row against one query; four accumulators hide the latency of the multiply-adds.
EMBEDTOOL_AVX2 float avx2_dot(const float* a, const float* b, std::size_t dims) {
  __m256 acc[4] = {_mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps(), _mm256_setzero_ps()};
  std::size_t d = 0;
  for (; d + 32 <= dims; d += 32) {
    for (int i = 0; i < 4; ++i) {
      acc[i] = _mm256_fmadd_ps(_mm256_loadu_ps(a + d + 8 * i), _mm256_loadu_ps(b + d + 8 * i), acc[i]);
    }
  }
  for (; d + 8 <= dims; d += 8) acc[0] = _mm256_fmadd_ps(_mm256_loadu_ps(a + d), _mm256_loadu_ps(b + d), acc[0]);
  float sum = horizontal_sum(_mm256_add_ps(_mm256_add_ps(acc[0], acc[1]), _mm256_add_ps(acc[2], acc[3])));
  for (; d < dims; ++d) sum += a[d] * b[d];
  return sum;
}

// One row against one query, and the row against itself, in the same loads: a single query on a
// model without stored norms then still reads each row once.
EMBEDTOOL_AVX2 void avx2_dot_and_square(const float* row, const float* query, std::size_t dims,
                                        float& dot, float& square) {
  __m256 dots[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
  __m256 squares[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
  std::size_t d = 0;
  for (; d + 16 <= dims; d += 16) {
    for (int i = 0; i < 2; ++i) {
      const __m256 value = _mm256_loadu_ps(row + d + 8 * i);
      dots[i] = _mm256_fmadd_ps(value, _mm256_loadu_ps(query + d + 8 * i), dots[i]);
      squares[i] = _mm256_fmadd_ps(value, value, squares[i]);
    }
  }
  for (; d + 8 <= dims; d += 8) {
    const __m256 value = _mm256_loadu_ps(row + d);
    dots[0] = _mm256_fmadd_ps(value, _mm256_loadu_ps(query + d), dots[0]);
    squares[0] = _mm256_fmadd_ps(value, value, squares[0]);
  }
  dot = horizontal_sum(_mm256_add_ps(dots[0], dots[1]));
  square = horizontal_sum(_mm256_add_ps(squares[0], squares[1]));
  for (; d < dims; ++d) {
    dot += row[d] * query[d];
    square += row[d] * row[d];
  }
}

// Lanes [0, remaining) of 8 set: the last, partial chunk of a row is loaded with the lanes past
// its end as zeros (maskload), so no scalar tail (a 300-wide row is 37 chunks and 4 values).
EMBEDTOOL_AVX2 inline __m256i tail_mask(std::size_t remaining) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(remaining)),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

template <bool Masked>
EMBEDTOOL_AVX2 inline __m256 load_chunk(const float* at, __m256i mask) {
  if constexpr (Masked) return _mm256_maskload_ps(at, mask);
  return _mm256_loadu_ps(at);
}

// One chunk of 8 dims of `Rows` rows against four queries, into acc[row][query].
template <int Rows, bool Masked>
EMBEDTOOL_AVX2 inline void accumulate_chunk(const float* first_row, std::size_t dims,
                                            const float* queries, std::size_t d, __m256i mask,
                                            __m256 (&acc)[Rows][4]) {
  __m256 row[Rows];
  for (int r = 0; r < Rows; ++r) row[r] = load_chunk<Masked>(first_row + r * dims + d, mask);
  for (int j = 0; j < 4; ++j) {
    const __m256 query = load_chunk<Masked>(queries + j * dims + d, mask);
    for (int r = 0; r < Rows; ++r) acc[r][j] = _mm256_fmadd_ps(row[r], query, acc[r][j]);
  }
}

// `Rows` rows (1 to 3) against four queries: each 8-wide load of a row feeds four multiply-adds
// and each load of a query `Rows`, with 4 x Rows accumulators in registers (12 of the 16 for
// three rows), so the loop is bound by the multiply-adds rather than by the loads.
template <int Rows>
EMBEDTOOL_AVX2 void avx2_rows_by_four_queries(const float* first_row, std::size_t dims,
                                              const float* queries, float* scores,
                                              std::size_t stride) {
  __m256 acc[Rows][4];
  for (int r = 0; r < Rows; ++r)
    for (int j = 0; j < 4; ++j) acc[r][j] = _mm256_setzero_ps();
  const __m256i no_mask = _mm256_setzero_si256();
  std::size_t d = 0;
  for (; d + 8 <= dims; d += 8) accumulate_chunk<Rows, false>(first_row, dims, queries, d, no_mask, acc);
  if (d < dims) accumulate_chunk<Rows, true>(first_row, dims, queries, d, tail_mask(dims - d), acc);
  for (int r = 0; r < Rows; ++r)
    for (int j = 0; j < 4; ++j) scores[r * stride + j] = horizontal_sum(acc[r][j]);
}

EMBEDTOOL_AVX2 void avx2_dots(const float* rows, std::size_t count, std::size_t dims,
                              const float* queries, std::size_t query_count, float* scores,
                              std::size_t stride, float* squares) {
  if (query_count == 1 && squares != nullptr) {
    for (std::size_t r = 0; r < count; ++r) avx2_dot_and_square(rows + r * dims, queries, dims, scores[r * stride], squares[r]);
    return;
  }
  const std::size_t grouped = query_count / 4 * 4;
  if (grouped > 0) {
    std::size_t r = 0;
    for (; r + 3 <= count; r += 3) {
      for (std::size_t q = 0; q < grouped; q += 4) {
        avx2_rows_by_four_queries<3>(rows + r * dims, dims, queries + q * dims, scores + r * stride + q, stride);
      }
    }
    for (; r < count; ++r) {
      for (std::size_t q = 0; q < grouped; q += 4) {
        avx2_rows_by_four_queries<1>(rows + r * dims, dims, queries + q * dims, scores + r * stride + q, stride);
      }
    }
  }
  for (std::size_t r = 0; r < count; ++r) {
    for (std::size_t q = grouped; q < query_count; ++q) {
      scores[r * stride + q] = avx2_dot(rows + r * dims, queries + q * dims, dims);
    }
  }
  if (squares != nullptr) {
    for (std::size_t i = 0; i < count; ++i) squares[i] = avx2_dot(rows + i * dims, rows + i * dims, dims);
  }
}

// One float16 row against float32 values, or against another float16 row, widened 8 values per
// instruction as they are loaded: a graph search or an index build compares scattered single
// rows, where widening into scratch first would cost a second pass.
EMBEDTOOL_AVX2 inline __m256 load_halves(const std::byte* at) {
  return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(at)));
}

// Values d ... d + 7 of b: float16 or float32.
template <bool BothHalves>
EMBEDTOOL_AVX2 inline __m256 load_other(const void* b, std::size_t d) {
  if constexpr (BothHalves) return load_halves(static_cast<const std::byte*>(b) + 2 * d);
  return _mm256_loadu_ps(static_cast<const float*>(b) + d);
}

template <bool BothHalves>
EMBEDTOOL_AVX2 float avx2_half_dot(const std::byte* a, const void* b, std::size_t dims) {
  __m256 acc[2] = {_mm256_setzero_ps(), _mm256_setzero_ps()};
  std::size_t d = 0;
  for (; d + 16 <= dims; d += 16) {
    acc[0] = _mm256_fmadd_ps(load_halves(a + 2 * d), load_other<BothHalves>(b, d), acc[0]);
    acc[1] = _mm256_fmadd_ps(load_halves(a + 2 * d + 16), load_other<BothHalves>(b, d + 8), acc[1]);
  }
  for (; d + 8 <= dims; d += 8) acc[0] = _mm256_fmadd_ps(load_halves(a + 2 * d), load_other<BothHalves>(b, d), acc[0]);
  float sum = horizontal_sum(_mm256_add_ps(acc[0], acc[1]));
  float tail_a[8];
  float tail_b[8];
  portable_widen(a + 2 * d, dims - d, tail_a);
  if constexpr (BothHalves) portable_widen(static_cast<const std::byte*>(b) + 2 * d, dims - d, tail_b);
  else std::copy(static_cast<const float*>(b) + d, static_cast<const float*>(b) + dims, tail_b);
  for (std::size_t i = 0; i < dims - d; ++i) sum += tail_a[i] * tail_b[i];
  return sum;
}

float portable_half_dot(const std::byte* a, const void* b, std::size_t dims, bool both_halves) {
  float widened_a[64];
  float widened_b[64];
  float sum = 0;
  for (std::size_t d = 0; d < dims; d += 64) {
    const std::size_t count = std::min<std::size_t>(64, dims - d);
    portable_widen(a + 2 * d, count, widened_a);
    const float* values_b = static_cast<const float*>(b) + d;
    if (both_halves) {
      portable_widen(static_cast<const std::byte*>(b) + 2 * d, count, widened_b);
      values_b = widened_b;
    }
    sum += portable_dot(widened_a, values_b, count);
  }
  return sum;
}

// F16C (float16 conversion) came with or before AVX2 on every x86 CPU; GCC can ask for it, but
// clang 14's __builtin_cpu_supports does not know the name (the fuzz build uses clang).
bool cpu_has_f16c() {
#if defined(__clang__)
  return true;
#else
  return __builtin_cpu_supports("f16c");
#endif
}
const bool kCpuHasAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                         cpu_has_f16c();
bool kHasAvx2 = kCpuHasAvx2;

}  // namespace

bool row_dots_use_avx2() { return kHasAvx2; }

void force_portable_row_dots(bool portable) { kHasAvx2 = !portable && kCpuHasAvx2; }

void dot_rows(const StoredRows& rows, std::uint64_t first, std::size_t count, const float* queries,
              std::size_t query_count, float* scores, std::size_t score_stride, float* squares,
              RowDotScratch& scratch) {
  const std::size_t dims = rows.dims;
  const float* values = reinterpret_cast<const float*>(rows.row(first));
  if (rows.dtype == Dtype::float16) {
    // Widened a block at a time into memory that stays in cache: the file is still read as
    // float16, half the bytes.
    if (scratch.widened_from != rows.row(first) || scratch.widened_count != count) {
      scratch.widened.resize(count * dims);
      (kHasAvx2 ? avx2_widen : portable_widen)(rows.row(first), count * dims, scratch.widened.data());
      scratch.widened_from = rows.row(first);
      scratch.widened_count = count;
    }
    values = scratch.widened.data();
  }
  (kHasAvx2 ? avx2_dots : portable_dots)(values, count, dims, queries, query_count, scores,
                                         score_stride, squares);
}

float dot_row(const StoredRows& rows, std::uint64_t row, const float* query) {
  const std::byte* values = rows.row(row);
  if (rows.dtype == Dtype::float16) {
    return kHasAvx2 ? avx2_half_dot<false>(values, query, rows.dims)
                    : portable_half_dot(values, query, rows.dims, false);
  }
  const auto* floats = reinterpret_cast<const float*>(values);
  return kHasAvx2 ? avx2_dot(floats, query, rows.dims) : portable_dot(floats, query, rows.dims);
}

float dot_two_rows(const StoredRows& rows, std::uint64_t a, std::uint64_t b) {
  if (rows.dtype == Dtype::float16) {
    return kHasAvx2 ? avx2_half_dot<true>(rows.row(a), rows.row(b), rows.dims)
                    : portable_half_dot(rows.row(a), rows.row(b), rows.dims, true);
  }
  return dot_row(rows, a, reinterpret_cast<const float*>(rows.row(b)));
}

}  // namespace embedtool
