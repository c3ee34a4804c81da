#pragma once
// Reading and adding to rows of the shared weights while the training threads go on writing them,
// without locks (Hogwild, as the threads themselves do: training_state.h). A concurrent write can
// be lost or read half-done; SGD tolerates that. What must hold is that each change is counted
// once: every value is read once, and what was read is both sent and kept as the new base.
// (Compiled without ThreadSanitizer with the other Hogwild files: CMakeLists.txt.)
#include <cstddef>

namespace embedtool {

// For each of n floats: changes = rows − base, then base = rows (the value read).
void take_row_changes(const float* rows, float* base, float* changes, std::size_t n);

// For each of n floats: rows += others, base += others (changes that are not this process's,
// so the next take_row_changes does not send them back).
void add_row_changes(float* rows, float* base, const float* others, std::size_t n);

}  // namespace embedtool
