#pragma once
// The dense float loops of a training step, over rows of length n. They are compiled twice, for
// the x86-64 baseline (SSE2) and for x86-64-v3 (AVX2 + FMA), and the loader picks one for the
// CPU at hand (function multiversioning), so a default build is fast on current CPUs without
// -march=native. One call does a whole step's rows, so the dispatch costs one indirect call per
// step, not one per row.
//
// The two versions round differently (FMA), so a model is bit-for-bit reproducible on one CPU
// family, not across them.
#include <cstddef>
#include <cstdint>

namespace embedtool::kernels {

// Asks the CPU to start loading a row of n floats into the cache (a hint; no effect on results).
inline void prefetch_row(const float* row, std::size_t n) {
  constexpr std::size_t kCacheLine = 64;
  const char* bytes = reinterpret_cast<const char*>(row);
  for (std::size_t offset = 0; offset < n * sizeof(float); offset += kCacheLine)
    __builtin_prefetch(bytes + offset);
  __builtin_prefetch(bytes + n * sizeof(float) - 1);  // the last line of an unaligned row
}

float dot(const float* a, const float* b, std::size_t n);

// y += a * x
void axpy(float a, const float* x, float* y, std::size_t n);

// scores[i] = rows[i] · h, for rows of n floats given by their addresses (rows of one matrix,
// or a thread's private copies of some of them: see hot_rows.h).
void gathered_dots(const float* const* rows, std::size_t count, const float* h, std::size_t n,
                   float* scores);

// For each i in order, with r = rows[i]:  grad += coefficients[i] * r, then
// r -= learning_rate * coefficients[i] * h.  The backward pass and SGD update of
// scores = rows · h  in one sweep, each row read once. A row named twice is updated twice, the
// second time read after the first update (as pair-by-pair SGD would).
void gathered_update(float* const* rows, std::size_t count, const float* coefficients,
                     float learning_rate, const float* h, std::size_t n, float* grad);

// The same two over every row of a matrix with `rows` rows (the full softmax).
void dense_dots(const float* matrix, std::size_t rows, const float* h, std::size_t n,
                float* scores);
void dense_update(float* matrix, std::size_t rows, const float* coefficients, float learning_rate,
                  const float* h, std::size_t n, float* grad);

}  // namespace embedtool::kernels
