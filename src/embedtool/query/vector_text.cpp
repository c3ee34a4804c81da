#include "embedtool/query/vector_text.h"

#include <charconv>

namespace embedtool {

void append_float(std::string& out, float value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_vector(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row) {
  for (Eigen::Index i = 0; i < row.size(); ++i) {
    out.push_back(' ');
    append_float(out, row[i]);
  }
}

}  // namespace embedtool
