#pragma once
// Numbers as lookup prints them: the shortest decimal text that reads back as the same float32,
// so printed vectors lose nothing.
#include <string>

#include <Eigen/Core>

namespace embedtool {

// Appends `value` to `out`.
void append_float(std::string& out, float value);

// Appends the components of `row`, each preceded by a single space.
void append_vector(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row);

}  // namespace embedtool
