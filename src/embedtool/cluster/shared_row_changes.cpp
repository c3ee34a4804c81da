#include "embedtool/cluster/shared_row_changes.h"

namespace embedtool {

void take_row_changes(const float* rows, float* base, float* changes, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float now = rows[i];
    changes[i] = now - base[i];
    base[i] = now;
  }
}

void add_row_changes(float* rows, float* base, const float* others, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    rows[i] += others[i];
    base[i] += others[i];
  }
}

}  // namespace embedtool
