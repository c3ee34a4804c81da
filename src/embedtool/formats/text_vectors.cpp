#include "embedtool/formats/text_vectors.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/number_parsing.h"
#include "embedtool/formats/text_lines.h"
#include "embedtool/formats/vector_format.h"
#include "embedtool/formats/word_rules.h"
#include "embedtool/formats/word_text.h"
#include "embedtool/storage/float_text.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/text/location_message.h"

namespace embedtool {
namespace {

// The fields of a line separated by runs of spaces.
void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && line[at] == ' ') ++at;
    if (at == line.size()) break;
    const std::size_t end = std::min(line.find(' ', at), line.size());
    fields.push_back(line.substr(at, end - at));
    at = end;
  }
}

struct Shape {
  std::uint64_t rows = 0;  // rows the file gives (word2vec: the header's; GloVe: an upper bound)
  std::uint64_t dims = 0;
};

Shape read_word2vec_header(TextLines& lines, std::size_t file_size, const std::string& source) {
  std::string_view line;
  if (!lines.next(line)) {
    throw Error("the file is empty, expected a \"<rows> <dims>\" header" +
                location_message(source, 1));
  }
  std::vector<std::string_view> fields;
  split_fields(trim_line_end(line), fields);
  const auto rows = fields.size() == 2 ? parse_count(fields[0]) : std::nullopt;
  const auto dims = fields.size() == 2 ? parse_count(fields[1]) : std::nullopt;
  if (!rows || !dims) {
    throw Error("the first line should be the header \"<rows> <dims>\", found " +
                embedtool::quoted(line.substr(0, 60)) + " (a GloVe file has no header: use --from glove)" +
                location_message(source, 1));
  }
  // Each row needs at least a one-byte word and, per number, a space and a digit, and a line
  // end: a header announcing more is wrong, and must not make us allocate for it.
  const std::uint64_t available = file_size - (lines.line_offset() + line.size());
  const auto numbers_and_word = checked_add(*dims, 1);
  const auto row_bytes = numbers_and_word ? checked_mul(*numbers_and_word, 2) : std::nullopt;
  const auto needed = row_bytes ? checked_mul(*rows, *row_bytes) : std::nullopt;
  if (!needed || *needed > available) {
    throw Error("the header announces " + decimal(*rows) + " rows of " + decimal(*dims) +
                " numbers, more than the rest of the file (" + decimal(available) +
                " bytes) can hold: the file is truncated or the header wrong" +
                location_message(source, 1));
  }
  return {*rows, *dims};
}

// An upper bound on GloVe's rows (its lines, at most `limit`), and its dimension from the first.
Shape glove_shape(std::span<const std::byte> bytes, std::uint64_t limit, const std::string& source) {
  TextLines lines(bytes);
  std::string_view line;
  Shape shape;
  if (!lines.next(line)) return shape;  // an empty file: no words
  std::vector<std::string_view> fields;
  split_fields(trim_line_end(line), fields);
  if (fields.size() < 2) {
    throw Error("the first row has no numbers after its word, expected a GloVe row \"word v1 "
                "... vD\"" + location_message(source, 1));
  }
  shape.dims = fields.size() - 1;
  // A row takes at least 2 x dims + 1 bytes (a word, a space and a digit per number): lines
  // beyond that many (blank ones, which are errors anyway) must not make us allocate for them.
  const std::uint64_t most_rows = std::min<std::uint64_t>(limit, bytes.size() / (2 * shape.dims + 1) + 1);
  const char* text = reinterpret_cast<const char*>(bytes.data());
  std::size_t at = 0;
  while (at < bytes.size() && shape.rows < most_rows) {
    ++shape.rows;
    const auto* newline = static_cast<const char*>(std::memchr(text + at, '\n', bytes.size() - at));
    if (newline == nullptr) break;
    at = static_cast<std::size_t>(newline - text) + 1;
  }
  return shape;
}

VectorFormat format_of(TextHeader header) {
  return header == TextHeader::word2vec ? VectorFormat::word2vec_text : VectorFormat::glove;
}

class RowParser {
 public:
  RowParser(const std::string& source, std::uint64_t dims, UnicodeErrors unicode_errors)
      : source_(source), dims_(dims), unicode_errors_(unicode_errors), values_(dims) {}

  // Parses a (trimmed, non-empty) line into its word, returned, and its numbers, values().
  std::string parse(std::string_view line, std::uint64_t line_number, std::uint64_t line_offset) {
    split_fields(line, fields_);
    if (fields_.size() != dims_ + 1) {
      const std::uint64_t numbers = fields_.size() - 1;
      throw Error("the row has " + decimal(numbers) + " numbers after its word, expected " +
                  decimal(dims_) +
                  (numbers > dims_ ? " (is there a space in the word?)" : "") +
                  location_message(source_, line_number));
    }
    const std::string_view raw_word = fields_[0];
    std::string word = word_from_bytes(raw_word, unicode_errors_, source_, line_number,
                                       line_offset + static_cast<std::uint64_t>(raw_word.data() - line.data()));
    for (std::uint64_t i = 0; i < dims_; ++i) {
      const std::string_view field = fields_[i + 1];
      const std::optional<float> value = parse_float32(field);
      if (!value) {
        throw Error("number " + decimal(i + 1) + " of the row, " + embedtool::quoted(field.substr(0, 40)) +
                    ", is not a float32 number" +
                    location_message(source_, line_number,
                                     line_offset + static_cast<std::uint64_t>(field.data() - line.data())));
      }
      values_[i] = *value;
    }
    return word;
  }

  const std::vector<float>& values() const { return values_; }

 private:
  const std::string& source_;
  std::uint64_t dims_;
  UnicodeErrors unicode_errors_;
  std::vector<std::string_view> fields_;
  std::vector<float> values_;
};

}  // namespace

EmbeddingModel read_text_vectors(std::span<const std::byte> bytes, const std::string& source_name,
                                 TextHeader header, const ForeignReadOptions& options) {
  const std::uint64_t limit = options.limit.value_or(std::numeric_limits<std::uint64_t>::max());
  TextLines lines(bytes);
  Shape shape;
  std::uint64_t first_row_line = 1;
  if (header == TextHeader::word2vec) {
    shape = read_word2vec_header(lines, bytes.size(), source_name);
    first_row_line = 2;
  } else {
    // The limit counts words: two lines more in case the file starts with the reserved rows.
    shape = glove_shape(bytes, limit > limit + kReservedIds ? limit : limit + kReservedIds, source_name);
  }
  ForeignModelBuilder builder(shape.rows, shape.dims, options.limit, source_name,
                              [first_row_line](std::uint64_t entry) {
                                return "line " + decimal(entry + first_row_line);
                              });
  RowParser parser(source_name, shape.dims, options.unicode_errors);
  std::string_view line;
  while (builder.added() < shape.rows && !builder.full() && lines.next(line)) {
    line = trim_line_end(line);
    if (line.empty()) {
      if (lines.rest_is_blank()) break;
      throw Error("an empty line between rows" + location_message(source_name, lines.line_number()));
    }
    std::string word = parser.parse(line, lines.line_number(), lines.line_offset());
    std::copy(parser.values().begin(), parser.values().end(), builder.add(std::move(word)));
  }
  if (header == TextHeader::word2vec && builder.added() < shape.rows && !builder.full()) {
    throw Error("the file ends after " + decimal(builder.added()) + " rows, but its header announces " +
                decimal(shape.rows) + location_message(source_name, lines.line_number()));
  }
  if (header == TextHeader::word2vec && builder.added() == shape.rows && lines.next(line) &&
      !(trim_line_end(line).empty() && lines.rest_is_blank())) {
    throw Error("the file has more rows than the " + decimal(shape.rows) + " its header announces" +
                location_message(source_name, lines.line_number()));
  }
  return builder.finish(format_of(header));
}

void write_text_vectors(const EmbeddingModel& model, TextHeader header, OutputFile& out) {
  const std::string_view format = format_name(format_of(header));
  const Eigen::Index rows = model.vectors.rows();
  const Eigen::Index dims = model.vectors.cols();
  if (header == TextHeader::word2vec) {
    out.write(decimal(model.vocabulary.word_count()) + " " +
              decimal(static_cast<std::uint64_t>(dims)) + "\n");
  }
  // One row at a time: OutputFile buffers the writes itself. The string is reused, so its
  // memory is allocated once.
  std::string text;
  for (Eigen::Index row = kFirstWordId; row < rows; ++row) {
    const std::string_view word = model.vocabulary.word(row);
    check_word_writable(word, row, format, out.display_name());
    text.assign(word);
    for (Eigen::Index col = 0; col < dims; ++col) {
      text.push_back(' ');
      append_float(text, model.vectors(row, col));
    }
    text.push_back('\n');
    out.write(text);
  }
}

}  // namespace embedtool
