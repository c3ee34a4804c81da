#include "embedtool/classify/sentence_lines.h"

#include <string>
#include <vector>

#include "embedtool/formats/row_text.h"
#include "embedtool/query/unit_length.h"

namespace embedtool {

SentenceRowsWriter::SentenceRowsWriter(SentenceVectors& sentences, LookupOutput& output,
                                       bool normalize)
    : sentences_(sentences), output_(output), normalize_(normalize) {
  // The columns alone: a tsv row has no label column either.
  std::string header = tsv_header("", sentences.dims());
  if (!header.empty() && header.front() == '\t') header.erase(0, 1);
  output.write_header(header);
}

void SentenceRowsWriter::write_lines(LineReader& lines) {
  std::string line;
  std::vector<std::string_view> labels;
  Eigen::RowVectorXf h(static_cast<Eigen::Index>(sentences_.dims()));
  const LookupStyle& style = output_.style();
  while (lines.next(line)) {
    const TextLocation where{lines.source_name(), lines.line_number(), lines.line_offset()};
    ++rows_;
    if (!sentences_.encode(line, where, labels, std::span(h.data(), static_cast<std::size_t>(h.size())))) {
      h.setZero();
      ++without_input_;
    }
    if (normalize_) scale_to_unit_length(h);
    if (output_.is_npy()) {
      output_.append_npy_row(h);
    } else {
      text_.clear();
      switch (style.format) {
        case OutputFormat::json:
          text_.append("{\"vector\":");
          append_json_array(text_, h, style.precision);
          text_.push_back('}');
          break;
        default:
          // append_numbers puts the separator before every number; a row has no label to follow.
          append_numbers(text_, h, style.format == OutputFormat::tsv ? '\t' : ' ', style.precision);
          if (!text_.empty()) text_.erase(0, 1);
          break;
      }
      text_.push_back('\n');
      output_.write_text(text_);
    }
    output_.end_of_line(lines.line_ready());
  }
}

void SentenceRowsWriter::finish() {
  const std::uint64_t shape[] = {rows_, sentences_.dims()};
  output_.finish(shape);
}

}  // namespace embedtool
