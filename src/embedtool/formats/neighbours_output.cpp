#include "embedtool/formats/neighbours_output.h"

namespace embedtool {

namespace {

// `Words` names rows by word(id): a Vocabulary or a VectorTable.
template <typename Words>
void append_named_neighbours(std::string& out, const LookupStyle& style,
                             const NearestAnswer& answer, const Words& vocabulary) {
  if (style.format == OutputFormat::json) {
    out.append("{\"query\":");
    append_json_string(out, answer.label);
    out.append(",\"neighbours\":[");
    for (std::size_t i = 0; i < answer.neighbours.size(); ++i) {
      if (i > 0) out.push_back(',');
      out.append("{\"word\":");
      append_json_string(out, vocabulary.word(answer.neighbours[i].id));
      out.append(",\"similarity\":");
      append_number(out, answer.neighbours[i].similarity, style.precision);
      out.push_back('}');
    }
    out.append("]}\n");
    return;
  }
  for (const Neighbour& neighbour : answer.neighbours) {
    out.append(answer.label).push_back('\t');
    out.append(vocabulary.word(neighbour.id)).push_back('\t');
    append_number(out, neighbour.similarity, style.precision);
    out.push_back('\n');
  }
}

}  // namespace

void append_neighbours(std::string& out, const LookupStyle& style, const NearestAnswer& answer,
                       const Vocabulary& vocabulary) {
  append_named_neighbours(out, style, answer, vocabulary);
}

void append_neighbours(std::string& out, const LookupStyle& style, const NearestAnswer& answer,
                       const VectorTable& table) {
  append_named_neighbours(out, style, answer, table);
}

NeighboursWriter::NeighboursWriter(LookupOutput& output) : output_(output) {
  output.write_header(kNeighboursHeader);
}

void NeighboursWriter::write(const NearestAnswer& answer, const Vocabulary& vocabulary) {
  text_.clear();
  append_neighbours(text_, output_.style(), answer, vocabulary);
  output_.write_text(text_);
}

void NeighboursWriter::write(const NearestAnswer& answer, const VectorTable& table) {
  text_.clear();
  append_neighbours(text_, output_.style(), answer, table);
  output_.write_text(text_);
}

}  // namespace embedtool
