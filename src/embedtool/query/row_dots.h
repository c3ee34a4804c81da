#pragma once
// The inner loop of an exact nearest-neighbour search: dot products of a block of stored rows
// (float32 or float16, read in place) with a few query vectors. One pass of a search over a
// large model is bound by memory bandwidth for one query and by multiply-adds for many, so this
// is the code that decides both; docs/BENCHMARKS.md ("Nearest neighbours") has its timings.
//
// On a CPU with AVX2, FMA and F16C (checked once at run time, so that the default build, which
// is not -march=native, still uses them) the products are 8-wide fused multiply-adds over two
// rows and four queries at a time, and float16 rows are widened 8 values per instruction. Other
// CPUs get plain loops that compute the same sums (to float rounding).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "embedtool/storage/stored_rows.h"

namespace embedtool {

// Scratch that one thread reuses across calls: float16 rows widened to float32, kept while the
// same rows are asked for again (a block of rows swept by several groups of queries is widened
// once).
struct RowDotScratch {
  std::vector<float> widened;
  const std::byte* widened_from = nullptr;
  std::size_t widened_count = 0;
};

// For rows [first, first + count) of `rows` and queries 0 ... query_count - 1 (query q is the
// `rows.dims` floats at queries + q * rows.dims):
//   scores[r * score_stride + q] = dot(row first + r, query q)
// and, if `squares` is not null, squares[r] = dot(row first + r, row first + r).
void dot_rows(const StoredRows& rows, std::uint64_t first, std::size_t count, const float* queries,
              std::size_t query_count, float* scores, std::size_t score_stride, float* squares,
              RowDotScratch& scratch);

// dot(row `row`, query), query being rows.dims floats: one scattered row, as a graph search
// compares a query with the neighbours of the node it stands on (float16 widened as it is read).
float dot_row(const StoredRows& rows, std::uint64_t row, const float* query);

// dot(row a, row b) of the same stored rows: what an index build compares rows by.
float dot_two_rows(const StoredRows& rows, std::uint64_t a, std::uint64_t b);

// True when dot_rows uses the AVX2/FMA/F16C loops on this CPU (for benchmarks and messages).
bool row_dots_use_avx2();
// Makes dot_rows use the portable loops even on an AVX2 CPU (tests compare both), or restores
// the choice made at start-up.
void force_portable_row_dots(bool portable);

}  // namespace embedtool
