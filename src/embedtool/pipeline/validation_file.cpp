#include "embedtool/pipeline/validation_file.h"

#include <string_view>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/sequences/labelled_line.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/input_file.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

ValidationFile read_validation_file(const std::string& path, const Tokenizer& tokenizer,
                                    const Vocabulary& vocabulary, const LabelSet& labels,
                                    const std::string& label_prefix,
                                    const LineInputShape& shape) {
  InputFile input(path);
  LineReader lines(input.stream(), input.display_name());
  const TextEncoder encoder(tokenizer, vocabulary);
  ValidationFile result;
  std::string line;
  std::string text;
  std::vector<std::string_view> line_labels;
  std::vector<ClassId> classes;
  Sequence ids;
  std::vector<InputRow> rows;
  while (lines.next(line)) {
    split_labels(line, label_prefix, line_labels, text);
    if (line_labels.empty()) {
      ++result.unlabelled_lines;
      continue;
    }
    classes.clear();
    for (const std::string_view label : line_labels)
      if (const auto index = labels.index_of(label)) classes.push_back(static_cast<ClassId>(*index));
    if (classes.empty()) ++result.unknown_label_examples;
    ids.clear();
    encoder.append_ids(text, {input.display_name(), lines.line_number(), lines.line_offset()},
                       ids);
    rows.clear();
    append_line_input_rows(ids, shape, rows);
    result.examples.add(rows, classes);
  }
  if (result.examples.examples() == 0)
    throw Error(input.display_name() + " has no labelled line to validate on (labels are tokens "
                "that start with \"" + label_prefix + "\")");
  return result;
}

}  // namespace embedtool
