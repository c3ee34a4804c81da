#include "embedtool/training/vector_kernels.h"

#include <cstring>

// GCC and Clang on x86-64 build each function below for both instruction sets and pick one at
// load time. A build that already targets AVX2 (-march=native) needs no second copy. Nor can this
// file be compiled with ThreadSanitizer: it would instrument the resolver that picks the version,
// which the loader runs before the sanitizer's runtime exists (every binary crashed at start).
// CMake's TSan build compiles this file uninstrumented (Hogwild, CMakeLists.txt), so it keeps
// both versions there; the guard is for a build that instruments it anyway.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__AVX2__) && !defined(__SANITIZE_THREAD__)
#define EMBEDTOOL_MULTIVERSION __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define EMBEDTOOL_MULTIVERSION
#endif

namespace embedtool::kernels {
namespace {

// Helpers are always inlined, so that each compiled version of a kernel gets them in its own
// instruction set rather than calling the baseline copy.
//
// Eight floats as one value (a GCC/Clang vector extension): one AVX register, or two SSE ones
// in the baseline build. Written as plain arithmetic, so each compiled version uses its own
// instructions. Loads and stores go through memcpy: rows need not be aligned. Vectors are
// passed by reference only, which keeps the calling convention the same in both versions.
using Float8 = float __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 8;

[[gnu::always_inline]] inline void load(Float8& v, const float* p) { std::memcpy(&v, p, sizeof v); }
[[gnu::always_inline]] inline void store(float* p, const Float8& v) {
  std::memcpy(p, &v, sizeof v);
}

[[gnu::always_inline]] inline float sum_lanes(const Float8& v) {
  float s = 0;
  for (std::size_t lane = 0; lane < kLanes; ++lane) s += v[lane];
  return s;
}

// Two accumulators: a 100-float dot is a chain of 13 vector multiply-adds, and splitting it
// halves the latency the CPU must wait out.
[[gnu::always_inline]] inline float dot_inline(const float* a, const float* b, std::size_t n) {
  Float8 acc0{}, acc1{}, x, y, u, v;
  std::size_t i = 0;
  for (; i + 2 * kLanes <= n; i += 2 * kLanes) {
    load(x, a + i);
    load(y, b + i);
    load(u, a + i + kLanes);
    load(v, b + i + kLanes);
    acc0 += x * y;
    acc1 += u * v;
  }
  if (i + kLanes <= n) {
    load(x, a + i);
    load(y, b + i);
    acc0 += x * y;
    i += kLanes;
  }
  acc0 += acc1;
  float s = sum_lanes(acc0);
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

[[gnu::always_inline]] inline void update_row(float* row, float coefficient, float step,
                                              const float* h, std::size_t n, float* grad) {
  Float8 r, g, x;
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    load(r, row + i);
    load(g, grad + i);
    load(x, h + i);
    g += coefficient * r;
    r -= step * x;
    store(grad + i, g);
    store(row + i, r);
  }
  for (; i < n; ++i) {
    const float old = row[i];
    grad[i] += coefficient * old;
    row[i] = old - step * h[i];
  }
}

// update_row for four different rows: each chunk of grad is loaded and stored once per four
// rows instead of once per row, which is what bounds this loop when the rows are in the cache.
[[gnu::always_inline]] inline void update_four_rows(float* r0, float* r1, float* r2, float* r3,
                                                    const float* coefficients, float learning_rate,
                                                    const float* h, std::size_t n, float* grad) {
  const float c0 = coefficients[0], c1 = coefficients[1];
  const float c2 = coefficients[2], c3 = coefficients[3];
  const float s0 = learning_rate * c0, s1 = learning_rate * c1;
  const float s2 = learning_rate * c2, s3 = learning_rate * c3;
  Float8 g, x, a, b, c, d;
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    load(g, grad + i);
    load(x, h + i);
    load(a, r0 + i);
    load(b, r1 + i);
    load(c, r2 + i);
    load(d, r3 + i);
    g += c0 * a + c1 * b + c2 * c + c3 * d;
    store(r0 + i, a - s0 * x);
    store(r1 + i, b - s1 * x);
    store(r2 + i, c - s2 * x);
    store(r3 + i, d - s3 * x);
    store(grad + i, g);
  }
  for (; i < n; ++i) {
    grad[i] += c0 * r0[i] + c1 * r1[i] + c2 * r2[i] + c3 * r3[i];
    r0[i] -= s0 * h[i];
    r1[i] -= s1 * h[i];
    r2[i] -= s2 * h[i];
    r3[i] -= s3 * h[i];
  }
}

// How many rows ahead to prefetch (measured on a 2-core Xeon: 4 to 8 save ~12% of a
// negative-sampling run, 2 saves less).
constexpr std::size_t kRowsAhead = 6;

}  // namespace

EMBEDTOOL_MULTIVERSION
float dot(const float* a, const float* b, std::size_t n) { return dot_inline(a, b, n); }

EMBEDTOOL_MULTIVERSION
void axpy(float a, const float* x, float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] += a * x[i];
}

EMBEDTOOL_MULTIVERSION
void gathered_dots(const float* const* rows, std::size_t count, const float* h, std::size_t n,
                   float* scores) {
  // The rows are scattered over a matrix far larger than the cache: ask for the next few rows'
  // cache lines while this one is computed, so their fetches overlap instead of queueing.
  for (std::size_t i = 0; i < count && i < kRowsAhead; ++i) prefetch_row(rows[i], n);
  for (std::size_t i = 0; i < count; ++i) {
    if (i + kRowsAhead < count) prefetch_row(rows[i + kRowsAhead], n);
    scores[i] = dot_inline(rows[i], h, n);
  }
}

EMBEDTOOL_MULTIVERSION
void gathered_update(float* const* rows, std::size_t count, const float* coefficients,
                     float learning_rate, const float* h, std::size_t n, float* grad) {
  std::size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    float* const* r = rows + i;
    // Four different rows together; a row named twice among them is done one row at a time, so
    // that its second update sees its first.
    const bool distinct = r[0] != r[1] && r[0] != r[2] && r[0] != r[3] && r[1] != r[2] &&
                          r[1] != r[3] && r[2] != r[3];
    if (distinct) {
      update_four_rows(r[0], r[1], r[2], r[3], coefficients + i, learning_rate, h, n, grad);
    } else {
      for (std::size_t j = i; j < i + 4; ++j)
        update_row(rows[j], coefficients[j], learning_rate * coefficients[j], h, n, grad);
    }
  }
  for (; i < count; ++i)
    update_row(rows[i], coefficients[i], learning_rate * coefficients[i], h, n, grad);
}

EMBEDTOOL_MULTIVERSION
void dense_dots(const float* matrix, std::size_t rows, const float* h, std::size_t n,
                float* scores) {
  for (std::size_t row = 0; row < rows; ++row) scores[row] = dot_inline(matrix + row * n, h, n);
}

EMBEDTOOL_MULTIVERSION
void dense_update(float* matrix, std::size_t rows, const float* coefficients, float learning_rate,
                  const float* h, std::size_t n, float* grad) {
  std::size_t row = 0;
  for (; row + 4 <= rows; row += 4) {
    float* first = matrix + row * n;
    update_four_rows(first, first + n, first + 2 * n, first + 3 * n, coefficients + row,
                     learning_rate, h, n, grad);
  }
  for (; row < rows; ++row)
    update_row(matrix + row * n, coefficients[row], learning_rate * coefficients[row], h, n, grad);
}

}  // namespace embedtool::kernels
