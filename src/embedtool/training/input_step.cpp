#include "embedtool/training/input_step.h"

#include <algorithm>
#include <cassert>

#include "embedtool/training/vector_kernels.h"

namespace embedtool {

void mean_of_rows(const Matrix& input, std::span<const InputRow> inputs, std::span<float> h) {
  assert(!inputs.empty());
  const std::size_t dim = h.size();
  const float* first = input.row(inputs[0]).data();
  std::copy(first, first + dim, h.begin());
  if (inputs.size() == 1) return;  // the row itself, bit for bit
  for (const InputRow row : inputs.subspan(1))
    kernels::axpy(1.0f, input.row(row).data(), h.data(), dim);
  const float inverse_count = 1.0f / static_cast<float>(inputs.size());
  for (float& x : h) x *= inverse_count;
}

double input_step(Matrix& input, std::span<const InputRow> inputs,
                  std::span<const ClassId> targets, Head& head, float learning_rate,
                  std::span<float> h, std::span<float> grad_h, InputUpdate update) {
  mean_of_rows(input, inputs, h);
  const double loss = head.train_step(h, targets, learning_rate, grad_h);
  const float step = update == InputUpdate::mean_gradient
                         ? learning_rate / static_cast<float>(inputs.size())
                         : learning_rate;
  for (const InputRow row : inputs)
    kernels::axpy(-step, grad_h.data(), input.row(row).data(), h.size());
  return loss;
}

}  // namespace embedtool
