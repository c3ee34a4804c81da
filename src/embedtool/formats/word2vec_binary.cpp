#include "embedtool/formats/word2vec_binary.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/number_parsing.h"
#include "embedtool/formats/word_rules.h"
#include "embedtool/formats/word_text.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/text/location_message.h"

namespace embedtool {
namespace {

namespace le = little_endian;

// Longer than any real header ("3000000 300\n"); bounds the search in a file that is not one.
constexpr std::size_t kLongestHeader = 64;

struct Header {
  std::uint64_t rows = 0;
  std::uint64_t dims = 0;
  std::size_t end = 0;  // offset of the first row
};

Header read_header(std::string_view text, const std::string& source) {
  const std::size_t newline = text.substr(0, kLongestHeader).find('\n');
  auto fail = [&] {
    return Error("not a word2vec binary file: it should start with the header line \"<rows> "
                 "<dims>\", found " +
                 embedtool::quoted(text.substr(0, std::min<std::size_t>(newline, 40))) +
                 location_message(source, 0, 0));
  };
  if (newline == std::string_view::npos) throw fail();
  std::string_view line = text.substr(0, newline);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) throw fail();
  std::string_view dims_text = line.substr(space + 1);
  while (!dims_text.empty() && dims_text.front() == ' ') dims_text.remove_prefix(1);
  const auto rows = parse_count(line.substr(0, space));
  const auto dims = parse_count(dims_text);
  if (!rows || !dims) throw fail();
  return {*rows, *dims, newline + 1};
}

// A row takes at least a one-byte word, the space and the values: a header announcing more
// rows than that fits in the file is wrong, and must not make us allocate for it.
void check_rows_fit(const Header& header, std::size_t file_size, const std::string& source) {
  const std::uint64_t available = file_size - header.end;
  const auto value_bytes = checked_mul(header.dims, 4);
  const auto row_bytes = value_bytes ? checked_add(*value_bytes, 2) : std::nullopt;
  const auto needed = row_bytes ? checked_mul(header.rows, *row_bytes) : std::nullopt;
  if (!needed || *needed > available) {
    throw Error("the header announces " + decimal(header.rows) + " rows of " + decimal(header.dims) +
                " float32, more than the rest of the file (" + decimal(available) +
                " bytes) can hold: the file is truncated or the header wrong" +
                location_message(source, 0, 0));
  }
}

}  // namespace

EmbeddingModel read_word2vec_binary(std::span<const std::byte> bytes, const std::string& source_name,
                                    const ForeignReadOptions& options) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  const Header header = read_header(text, source_name);
  check_rows_fit(header, text.size(), source_name);
  const std::uint64_t vector_bytes = header.dims * 4;  // cannot overflow: checked to fit the file

  ForeignModelBuilder builder(header.rows, header.dims, options.limit, source_name,
                              [](std::uint64_t entry) { return "row " + decimal(entry + 1); });
  std::size_t at = header.end;
  for (std::uint64_t row = 0; row < header.rows && !builder.full(); ++row) {
    while (at < text.size() && text[at] == '\n') ++at;
    const std::size_t space = text.find(' ', at);
    if (space == std::string_view::npos) {
      throw Error("the file ends inside the word of row " + decimal(row + 1) + " of " +
                  decimal(header.rows) + location_message(source_name, 0, at));
    }
    std::string word = word_from_bytes(text.substr(at, space - at), options.unicode_errors,
                                       source_name, 0, at);
    const std::size_t values_at = space + 1;
    if (text.size() - values_at < vector_bytes) {
      throw Error("the file ends inside the vector of row " + decimal(row + 1) + " of " +
                  decimal(header.rows) + ": " + decimal(vector_bytes) + " bytes needed, " +
                  decimal(text.size() - values_at) + " left" +
                  location_message(source_name, 0, values_at));
    }
    float* values = builder.add(std::move(word));
    for (std::uint64_t i = 0; i < header.dims; ++i) values[i] = le::load_f32(bytes.data() + values_at + 4 * i);
    at = values_at + vector_bytes;
  }
  if (builder.added() == header.rows) {
    while (at < text.size() && text[at] == '\n') ++at;
    if (at != text.size()) {
      throw Error("the file goes on after the " + decimal(header.rows) +
                  " rows its header announces (" + decimal(text.size() - at) + " more bytes)" +
                  location_message(source_name, 0, at));
    }
  }
  return builder.finish(VectorFormat::word2vec_binary);
}

void write_word2vec_binary(const EmbeddingModel& model, OutputFile& out) {
  const Eigen::Index rows = model.vectors.rows();
  const Eigen::Index dims = model.vectors.cols();
  out.write(decimal(model.vocabulary.word_count()) + " " + decimal(static_cast<std::uint64_t>(dims)) + "\n");
  std::string row_bytes;
  for (Eigen::Index row = kFirstWordId; row < rows; ++row) {
    const std::string_view word = model.vocabulary.word(row);
    check_word_writable(word, row, "word2vec-binary", out.display_name());
    row_bytes.assign(word);
    row_bytes.push_back(' ');
    const std::size_t values_at = row_bytes.size();
    row_bytes.resize(values_at + 4 * static_cast<std::size_t>(dims) + 1);
    auto* values = reinterpret_cast<std::byte*>(row_bytes.data() + values_at);
    for (Eigen::Index col = 0; col < dims; ++col) le::store_f32(values + 4 * col, model.vectors(row, col));
    row_bytes.back() = '\n';
    out.write(row_bytes);
  }
}

}  // namespace embedtool
