#include "embedtool/cluster/busy_row_exchange.h"

#include <algorithm>
#include <stdexcept>

#include "embedtool/cluster/shared_row_changes.h"

namespace embedtool {
namespace {

// The busy rows of a matrix as one block of floats (the matrices are row-major).
float* busy_block(Matrix& matrix, const RowRange& rows) {
  return matrix.data() + rows.first * static_cast<std::size_t>(matrix.cols());
}

}  // namespace

void BusyRowExchange::begin(const BusyRows& busy, std::size_t dim) {
  busy_ = busy;
  dim_ = dim;
  floats_ = (busy.input.count + busy.output.count) * dim;
  sum_.assign(floats_, 0.0f);
  sent_.assign(floats_, 0.0f);
  last_start_ = Clock::now();
}

void BusyRowExchange::start(ModelWeights& weights, ModelWeights& base) {
  const std::size_t input_floats = busy_.input.count * dim_;
  take_row_changes(busy_block(weights.input, busy_.input), busy_block(base.input, busy_.input),
                   sum_.data(), input_floats);
  take_row_changes(busy_block(weights.output, busy_.output),
                   busy_block(base.output, busy_.output), sum_.data() + input_floats,
                   busy_.output.count * dim_);
  sent_ = sum_;
  ranks_.start_background_sum(sum_);
  in_flight_ = true;
  ++started_;
  last_start_ = Clock::now();
}

void BusyRowExchange::finish(ModelWeights& weights, ModelWeights& base) {
  in_flight_ = false;
  // Every rank changes these rows: with more than two, their sum is damped to 2/N of it
  // (rank_sync.h says why). What this rank sent is in its rows already.
  const int ranks = ranks_.size();
  const float scale = ranks > 2 ? 2.0f / static_cast<float>(ranks) : 1.0f;
  for (std::size_t i = 0; i < floats_; ++i) sum_[i] = scale * sum_[i] - sent_[i];
  const std::size_t input_floats = busy_.input.count * dim_;
  add_row_changes(busy_block(weights.input, busy_.input), busy_block(base.input, busy_.input),
                  sum_.data(), input_floats);
  add_row_changes(busy_block(weights.output, busy_.output), busy_block(base.output, busy_.output),
                  sum_.data() + input_floats, busy_.output.count * dim_);
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
