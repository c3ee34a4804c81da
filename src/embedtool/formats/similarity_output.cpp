#include "embedtool/formats/similarity_output.h"

namespace embedtool {

void append_similarity(std::string& out, const LookupStyle& style, std::string_view first,
                       std::string_view second, float similarity) {
  if (style.format == OutputFormat::json) {
    out.append("{\"word1\":");
    append_json_string(out, first);
    out.append(",\"word2\":");
    append_json_string(out, second);
    out.append(",\"similarity\":");
    append_number(out, similarity, style.precision);
    out.append("}\n");
    return;
  }
  out.append(first).push_back('\t');
  out.append(second).push_back('\t');
  append_number(out, similarity, style.precision);
  out.push_back('\n');
}

SimilarityWriter::SimilarityWriter(LookupOutput& output) : output_(output) {
  output.write_header(kSimilarityHeader);
}

void SimilarityWriter::write(std::string_view first, std::string_view second, float similarity) {
  text_.clear();
  append_similarity(text_, output_.style(), first, second, similarity);
  output_.write_text(text_);
}

}  // namespace embedtool
