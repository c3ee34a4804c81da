#include "embedtool/formats/vector_rows_output.h"

namespace embedtool {

void append_vector_row(std::string& out, const LookupStyle& style, std::string_view label,
                       std::optional<WordId> id, const Eigen::Ref<const Eigen::RowVectorXf>& row) {
  switch (style.format) {
    case OutputFormat::text:
      out.append(label);
      append_numbers(out, row, ' ', style.precision);
      break;
    case OutputFormat::tsv:
      out.append(label);
      append_numbers(out, row, '\t', style.precision);
      break;
    case OutputFormat::json:
      out.append("{\"word\":");
      append_json_string(out, label);
      out.append(",\"id\":");
      out.append(id ? std::to_string(*id) : "null");
      out.append(",\"vector\":");
      append_json_array(out, row, style.precision);
      out.push_back('}');
      break;
    case OutputFormat::npy:
      return;  // binary: VectorRowsWriter spools it
  }
  out.push_back('\n');
}

VectorRowsWriter::VectorRowsWriter(LookupOutput& output, std::uint64_t dims)
    : output_(output), dims_(dims) {
  output.write_header(tsv_header("word", dims));
}

void VectorRowsWriter::write(const LookupRow& row) {
  ++rows_;
  if (output_.is_npy()) {
    output_.append_npy_row(row.vector);
    return;
  }
  text_.clear();
  append_vector_row(text_, output_.style(), row.label, row.id, row.vector);
  output_.write_text(text_);
}

void VectorRowsWriter::finish() {
  const std::uint64_t shape[] = {rows_, dims_};
  output_.finish(shape);
}

}  // namespace embedtool
