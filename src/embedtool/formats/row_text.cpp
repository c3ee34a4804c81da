#include "embedtool/formats/row_text.h"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "embedtool/storage/float_text.h"

namespace embedtool {

void append_number(std::string& out, float value, Precision precision) {
  if (!precision) {
    append_float(out, value);
    return;
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                    std::chars_format::general, *precision);
  out.append(buffer, result.ptr);
}

void append_numbers(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row,
                    char separator, Precision precision) {
  for (Eigen::Index i = 0; i < row.size(); ++i) {
    out.push_back(separator);
    append_number(out, row[i], precision);
  }
}

std::string tsv_header(std::string_view leading, std::uint64_t dims) {
  std::string header(leading);
  for (std::uint64_t i = 1; i <= dims; ++i) header.append("\tv").append(std::to_string(i));
  return header + "\n";
}

void append_json_array(std::string& out, const Eigen::Ref<const Eigen::RowVectorXf>& row,
                       Precision precision) {
  out.push_back('[');
  for (Eigen::Index i = 0; i < row.size(); ++i) {
    if (i > 0) out.push_back(',');
    if (std::isfinite(row[i])) {
      append_number(out, row[i], precision);
    } else {
      out.append("null");
    }
  }
  out.push_back(']');
}

void append_json_string(std::string& out, std::string_view text) {
  out.append(nlohmann::json(std::string(text))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace embedtool
