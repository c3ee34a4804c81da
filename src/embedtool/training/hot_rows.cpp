#include "embedtool/training/hot_rows.h"

#include <algorithm>
#include <cassert>

namespace embedtool {

HotRows::HotRows(Matrix& shared, RowRange hot)
    : shared_(shared),
      first_(hot.first),
      count_(hot.count),
      dim_(static_cast<std::size_t>(shared.cols())),
      copies_(count_ * dim_),
      base_(count_ * dim_) {
  assert(first_ + count_ <= static_cast<std::size_t>(shared.rows()));
  const float* source = shared_.data() + first_ * dim_;
  std::copy(source, source + copies_.size(), copies_.begin());
  std::copy(copies_.begin(), copies_.end(), base_.begin());
}

void HotRows::publish() {
  steps_since_publish_ = 0;
  float* shared = shared_.data() + first_ * dim_;
  for (std::size_t i = 0; i < copies_.size(); ++i) {
    shared[i] += copies_[i] - base_[i];
    copies_[i] = shared[i];
    base_[i] = shared[i];
  }
}

}  // namespace embedtool
