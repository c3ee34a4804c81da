#include "embedtool/training/window_steps.h"

#include <algorithm>
#include <cassert>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

double skipgram_step(Matrix& input, WordId centre, std::span<const WordId> context_classes,
                     Head& head, float learning_rate, std::span<float> h, std::span<float> grad_h) {
  const std::size_t dim = h.size();
  float* row = input.row(centre).data();
  std::copy(row, row + dim, h.begin());
  const double loss = head.train_step(h, context_classes, learning_rate, grad_h);
  kernels::axpy(-learning_rate, grad_h.data(), row, dim);
  return loss;
}

double cbow_step(Matrix& input, std::span<const WordId> context, WordId centre_class, Head& head,
                 float learning_rate, std::span<float> h, std::span<float> grad_h) {
  assert(!context.empty());
  const std::size_t dim = h.size();
  std::fill(h.begin(), h.end(), 0.0f);
  for (const WordId id : context) kernels::axpy(1.0f, input.row(id).data(), h.data(), dim);
  const float inverse_count = 1.0f / static_cast<float>(context.size());
  for (float& x : h) x *= inverse_count;

  const double loss = head.train_step(h, {&centre_class, 1}, learning_rate, grad_h);
  for (const WordId id : context)
    kernels::axpy(-learning_rate, grad_h.data(), input.row(id).data(), dim);
  return loss;
}

}  // namespace embedtool
