#include "embedtool/formats/sequence_rows_output.h"

namespace embedtool {

void append_sequence_rows(std::string& out, const LookupStyle& style, std::uint64_t index,
                          std::span<const WordId> ids, const Matrix& rows) {
  switch (style.format) {
    case OutputFormat::text: {
      const std::size_t start = out.size();
      for (Eigen::Index j = 0; j < rows.rows(); ++j) {
        append_numbers(out, rows.row(j), ' ', style.precision);
      }
      // Numbers come with a separator before each; the line starts with the first number.
      if (out.size() > start) out.erase(start, 1);
      out.push_back('\n');
      break;
    }
    case OutputFormat::tsv:
      for (Eigen::Index j = 0; j < rows.rows(); ++j) {
        out.append(std::to_string(index)).push_back('\t');
        out.append(std::to_string(j)).push_back('\t');
        out.append(std::to_string(ids[static_cast<std::size_t>(j)]));
        append_numbers(out, rows.row(j), '\t', style.precision);
        out.push_back('\n');
      }
      break;
    case OutputFormat::json:
      out.append("{\"ids\":[");
      for (std::size_t j = 0; j < ids.size(); ++j) {
        if (j > 0) out.push_back(',');
        out.append(std::to_string(ids[j]));
      }
      out.append("],\"vectors\":[");
      for (Eigen::Index j = 0; j < rows.rows(); ++j) {
        if (j > 0) out.push_back(',');
        append_json_array(out, rows.row(j), style.precision);
      }
      out.append("]}\n");
      break;
    case OutputFormat::npy:
      break;  // binary: SequenceRowsWriter spools it
  }
}

SequenceRowsWriter::SequenceRowsWriter(LookupOutput& output, std::uint64_t dims)
    : output_(output), dims_(dims) {
  output.write_header(tsv_header("sequence\tposition\tid", dims));
}

void SequenceRowsWriter::write(std::span<const WordId> ids, const Matrix& rows) {
  if (output_.is_npy()) {
    for (Eigen::Index j = 0; j < rows.rows(); ++j) output_.append_npy_row(rows.row(j));
  } else {
    text_.clear();
    append_sequence_rows(text_, output_.style(), sequences_, ids, rows);
    output_.write_text(text_);
  }
  ++sequences_;
}

void SequenceRowsWriter::finish(std::uint64_t length) {
  const std::uint64_t shape[] = {sequences_, length, dims_};
  output_.finish(shape);
}

}  // namespace embedtool
