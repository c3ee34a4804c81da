#include "embedtool/cluster/busy_row_exchange.h"

#include <algorithm>
#include <stdexcept>

#include "embedtool/cluster/agreeing_changes.h"
#include "embedtool/cluster/shared_row_changes.h"

namespace embedtool {
namespace {

// The busy rows of a matrix as one block of floats (the matrices are row-major).
float* busy_block(Matrix& matrix, const RowRange& rows) {
  return matrix.data() + rows.first * static_cast<std::size_t>(matrix.cols());
}

// `core`, which lies within `wider`, as offsets into it.
RowRange offsets_within(const RowRange& core, const RowRange& wider) {
  if (core.count == 0) return {};
  if (core.first < wider.first || core.first + core.count > wider.first + wider.count)
    throw std::logic_error("the busiest rows are not among the wider busy rows");
  return {core.first - wider.first, core.count};
}

}  // namespace

void BusyRowExchange::begin(const BusyRows& busy, std::size_t dim) {
  agreeing_ = ranks_.size() > 2;
  input_ = busy.input;
  output_ = busy.output;
  if (agreeing_) {
    if (busy.wider_input.count > 0) input_ = busy.wider_input;
    if (busy.wider_output.count > 0) output_ = busy.wider_output;
    agreeing_input_ = offsets_within(busy.input, input_);
    agreeing_output_ = offsets_within(busy.output, output_);
  }
  dim_ = dim;
  floats_ = (input_.count + output_.count) * dim;
  const std::size_t agreeing_rows = agreeing_ ? agreeing_input_.count + agreeing_output_.count : 0;
  sum_.assign(floats_ + agreeing_rows, 0.0f);
  sent_.assign(floats_, 0.0f);
  last_start_ = Clock::now();
}

void BusyRowExchange::start(ModelWeights& weights, ModelWeights& base) {
  const std::size_t input_floats = input_.count * dim_;
  take_row_changes(busy_block(weights.input, input_), busy_block(base.input, input_),
                   sum_.data(), input_floats);
  take_row_changes(busy_block(weights.output, output_), busy_block(base.output, output_),
                   sum_.data() + input_floats, output_.count * dim_);
  std::copy(sum_.begin(), sum_.begin() + static_cast<std::ptrdiff_t>(floats_), sent_.begin());
  if (agreeing_) {
    float* moves_squared = sum_.data() + floats_;
    row_squared_norms(sum_.data() + agreeing_input_.first * dim_, agreeing_input_.count, dim_,
                      moves_squared);
    row_squared_norms(sum_.data() + input_floats + agreeing_output_.first * dim_,
                      agreeing_output_.count, dim_, moves_squared + agreeing_input_.count);
  }
  ranks_.start_background_sum(sum_);
  in_flight_ = true;
  ++started_;
  last_start_ = Clock::now();
}

void BusyRowExchange::finish(ModelWeights& weights, ModelWeights& base) {
  in_flight_ = false;
  const std::size_t input_floats = input_.count * dim_;
  if (agreeing_) {
    const float* moves_squared = sum_.data() + floats_;
    scale_by_agreement(sum_.data() + agreeing_input_.first * dim_, moves_squared,
                       agreeing_input_.count, dim_);
    scale_by_agreement(sum_.data() + input_floats + agreeing_output_.first * dim_,
                       moves_squared + agreeing_input_.count, agreeing_output_.count, dim_);
  }
  // What this rank sent is in its rows already.
  for (std::size_t i = 0; i < floats_; ++i) sum_[i] -= sent_[i];
  add_row_changes(busy_block(weights.input, input_), busy_block(base.input, input_), sum_.data(),
                  input_floats);
  add_row_changes(busy_block(weights.output, output_), busy_block(base.output, output_),
                  sum_.data() + input_floats, output_.count * dim_);
}

void BusyRowExchange::poll(ModelWeights& weights, ModelWeights& base) {
  if (!enabled()) return;
  if (in_flight_) {
    if (!ranks_.background_sum_done()) return;
    finish(weights, base);
  }
  if (Clock::now() - last_start_ >= period_) start(weights, base);
}

void BusyRowExchange::settle(ModelWeights& weights, ModelWeights& base,
                             std::uint64_t started_by_all) {
  if (!enabled()) return;
  const auto ranks = static_cast<std::uint64_t>(ranks_.size());
  // The ranks have started m or m + 1 exchanges each (the header says why): the most is the
  // mean rounded up.
  const std::uint64_t most = (started_by_all + ranks - 1) / ranks;
  if (in_flight_) {
    ranks_.wait_background_sum();
    finish(weights, base);
  }
  if (started_ < most) {
    start(weights, base);
    ranks_.wait_background_sum();
    finish(weights, base);
  }
  if (started_ != most)
    throw std::logic_error("the ranks' exchanges of their busy rows went out of step");
  last_start_ = Clock::now();
}

}  // namespace embedtool
