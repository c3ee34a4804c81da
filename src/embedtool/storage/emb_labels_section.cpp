#include "embedtool/storage/emb_labels_section.h"

#include "embedtool/errors.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

std::string label_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (auto bad = first_invalid_utf8(name)) {
    return "is not valid UTF-8 (byte " + decimal(*bad) + " of the name)";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      return "has the whitespace byte " + hex_bytes(std::as_bytes(std::span(name.data() + i, 1))) +
             " at position " + decimal(i);
    }
  }
  return "";
}

void check_labels_savable(const LabelSet& labels, const std::string& destination) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string problem = label_name_problem(labels.name(i));
    if (!problem.empty()) {
      // Qualified: std::quoted, found through the std::string argument, would be a better match.
      throw Error("cannot save " + destination + ": label " + decimal(i) + " " +
                  embedtool::quoted(labels.name(i)) + " " + problem);
    }
  }
}

std::vector<std::byte> encode_labels_section(const LabelSet& labels) {
  return encode_string_table(
      labels.size(), [&](std::uint64_t i) -> std::string_view { return labels.name(i); },
      [&](std::uint64_t i) { return labels.count(i); });
}

LabelSet decode_labels_section(std::span<const std::byte> section, std::uint64_t count,
                               const std::string& source_name) {
  const EmbStringTableView view(section, count, kLabelsTerms, source_name);
  check_string_table_offsets(view);  // so no name below is empty
  LabelSet labels;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string_view name = view.name(i);
    const std::string problem = label_name_problem(name);
    if (!problem.empty()) {
      throw Error(source_name + ": label " + decimal(i) + " " + embedtool::quoted(name) + " " + problem);
    }
    if (auto earlier = labels.index_of(name)) {
      throw Error(source_name + ": label " + decimal(i) + " repeats the label " +
                  embedtool::quoted(name) + " of label " + decimal(*earlier));
    }
    labels.add(std::string(name), view.count(i));
  }
  return labels;
}

}  // namespace embedtool
