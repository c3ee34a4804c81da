#include "embedtool/formats/projector_files.h"

#include <filesystem>
#include <optional>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/formats/foreign_model_builder.h"
#include "embedtool/formats/number_parsing.h"
#include "embedtool/formats/text_lines.h"
#include "embedtool/formats/word_list.h"
#include "embedtool/storage/float_text.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/message_format.h"
#include "embedtool/text/location_message.h"

namespace embedtool {
namespace {

constexpr std::string_view kVectorsName = "vectors.tsv";
constexpr std::string_view kMetadataName = "metadata.tsv";

void split_tabs(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t at = 0;
  while (true) {
    const std::size_t tab = line.find('\t', at);
    fields.push_back(line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at));
    if (tab == std::string_view::npos) return;
    at = tab + 1;
  }
}

}  // namespace

ProjectorPaths projector_paths(const std::string& path) {
  std::error_code ignored;
  if (path.ends_with('/') || std::filesystem::is_directory(path, ignored)) {
    const std::filesystem::path folder(path);
    return {(folder / kVectorsName).string(), (folder / kMetadataName).string()};
  }
  const std::filesystem::path vectors(path);
  if (vectors.filename() == kVectorsName) {
    return {path, (vectors.parent_path() / kMetadataName).string()};
  }
  std::filesystem::path metadata = vectors;
  metadata.replace_extension(".metadata.tsv");
  return {path, metadata.string()};
}

EmbeddingModel read_projector_files(const std::string& vectors_path, const std::string& metadata_path,
                                    const ForeignReadOptions& options) {
  std::vector<WordListEntry> words = read_word_list(metadata_path, WordListKind::projector_metadata,
                                                    options.unicode_errors);
  const MappedFile file(vectors_path);
  const std::string& source = file.display_name();
  TextLines lines(file.bytes());
  std::vector<std::string_view> fields;
  std::optional<ForeignModelBuilder> builder;
  std::uint64_t dims = 0;
  std::string_view line;
  std::uint64_t row = 0;
  while ((!builder || !builder->full()) && lines.next(line)) {
    line = trim_line_end(line);
    if (line.empty()) {
      if (lines.rest_is_blank()) break;
      throw Error("an empty line between rows" + location_message(source, lines.line_number()));
    }
    split_tabs(line, fields);
    if (!builder) {
      dims = fields.size();
      // A row takes at least 2 x dims bytes: more words than that cannot all have rows, and
      // must not make us allocate for them.
      const std::uint64_t most_rows = file.bytes().size() / (2 * dims) + 1;
      builder.emplace(std::min<std::uint64_t>(words.size(), most_rows), dims, options.limit,
                      metadata_path, [](std::uint64_t entry) { return "line " + decimal(entry + 1); });
    }
    if (fields.size() != dims) {
      throw Error("the row has " + decimal(fields.size()) + " numbers, expected " + decimal(dims) +
                  " as on line 1" + location_message(source, lines.line_number()));
    }
    if (row == words.size()) {
      throw Error(source + " has more rows than the " + decimal(words.size()) + " words of " +
                  metadata_path + location_message(source, lines.line_number()));
    }
    float* values = builder->add(std::move(words[row].word));
    for (std::uint64_t i = 0; i < dims; ++i) {
      const std::optional<float> value = parse_float32(fields[i]);
      if (!value) {
        throw Error("number " + decimal(i + 1) + " of the row, " +
                    embedtool::quoted(fields[i].substr(0, 40)) + ", is not a float32 number" +
                    location_message(source, lines.line_number(),
                                     lines.line_offset() +
                                         static_cast<std::uint64_t>(fields[i].data() - line.data())));
      }
      values[i] = *value;
    }
    ++row;
  }
  if (!builder) builder.emplace(0, 0, options.limit, metadata_path, [](std::uint64_t) { return ""; });
  if (!builder->full() && row < words.size()) {
    throw Error(source + " has " + decimal(row) + " rows, but " + metadata_path + " names " +
                decimal(words.size()) + " words");
  }
  return builder->finish(VectorFormat::projector);
}

void write_projector_files(const EmbeddingModel& model, OutputFile& vectors, OutputFile& metadata) {
  write_word_list(model, kFirstWordId, "projector metadata", metadata);
  std::string text;
  for (Eigen::Index row = kFirstWordId; row < model.vectors.rows(); ++row) {
    for (Eigen::Index col = 0; col < model.vectors.cols(); ++col) {
      if (col > 0) text.push_back('\t');
      append_float(text, model.vectors(row, col));
    }
    text.push_back('\n');
    if (text.size() >= (std::size_t{1} << 16)) {
      vectors.write(text);
      text.clear();
    }
  }
  vectors.write(text);
}

}  // namespace embedtool
