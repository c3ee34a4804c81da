#pragma once
#include <cstdint>

namespace embedtool {

// A class a head predicts: an index in [0, classes). In the word models, word id −
// kFirstWordId; in a classifier, a label's index (vocabulary/label_set.h).
using ClassId = std::int64_t;

}  // namespace embedtool
