#pragma once
// Float32 as text: the shortest decimal that reads back as the same float ("0.1",
// "-3.4028235e+38"), so a printed number loses nothing. The one printer behind text vector
// files, lookup's outputs and the values that error messages name.
#include <string>

namespace embedtool {

// Appends `value` to `out`.
void append_float(std::string& out, float value);

}  // namespace embedtool
