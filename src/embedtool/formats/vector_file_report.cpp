#include "embedtool/formats/vector_file_report.h"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_model.h"
#include "embedtool/formats/word_text.h"
#include "embedtool/formats/projector_files.h"
#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/ann_index_file.h"
#include "embedtool/storage/ann_verify.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_verify.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/mapped_model.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

// The bytes a format's files take (the vectors file of a projector pair).
std::uint64_t file_size_of(const std::string& path, VectorFormat format) {
  const std::string file = format == VectorFormat::projector ? projector_paths(path).vectors : path;
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

// {"kind", "rows", "dims"} of a rows section, or null if the file has none.
nlohmann::json rows_description(const EmbRowsFields& fields) {
  if (!fields.present()) return nullptr;
  return {{"kind", fields.kind}, {"rows", fields.rows}, {"dims", fields.dims}};
}

nlohmann::json labels_description(const MappedModel& model) {
  if (model.label_count() == 0) return nullptr;
  const LabelSet labels = model.labels();
  nlohmann::json first = nlohmann::json::array();
  for (std::size_t i = 0; i < std::min(labels.size(), kInfoLabelsShown); ++i) {
    first.push_back({{"name", labels.name(i)}, {"count", labels.count(i)}});
  }
  return {{"count", labels.size()}, {"first", first}};
}

// "none", or "softmax, 3 x 16".
std::string rows_text(const nlohmann::json& rows) {
  if (rows.is_null()) return "none";
  std::string text = rows.at("kind").get<std::string>() + ", " + rows.at("rows").dump() + " x " +
                     rows.at("dims").dump();
  if (rows.contains("minn"))
    text += " (n-grams of " + rows.at("minn").dump() + " to " + rows.at("maxn").dump() +
            " characters)";
  return text;
}

// "none", or "7: __label__a (5), __label__b (2), ... and 2 more".
std::string labels_text(const nlohmann::json& labels) {
  if (labels.is_null()) return "none";
  const auto count = labels.at("count").get<std::uint64_t>();
  const nlohmann::json& first = labels.at("first");
  std::string text = decimal(count) + ":";
  for (std::size_t i = 0; i < first.size(); ++i) {
    text += (i == 0 ? " " : ", ") + first[i].at("name").get<std::string>() + " (" +
            first[i].at("count").dump() + ")";
  }
  if (count > first.size()) text += ", and " + decimal(count - first.size()) + " more";
  return text;
}

std::string with_unit(std::uint64_t bytes) {
  constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  std::ostringstream text;
  text << decimal(bytes) << " bytes";
  if (unit > 0) text << " (" << std::fixed << std::setprecision(1) << value << " " << kUnits[unit] << ")";
  return text.str();
}

// The ANN index beside an .emb model, from its header: null if there is none; with "usable"
// false and the "problem" a search would refuse it for when it is damaged or another model's.
nlohmann::json ann_index_description(const std::string& model_path, const MappedModel& model) {
  const std::string index_path = ann_index_path(model_path);
  if (!ann_index_present(index_path)) return nullptr;
  nlohmann::json info = {{"file", index_path}};
  try {
    const MappedFile file(index_path, MappedFile::Access::random);
    const AnnFileHeader header = decode_ann_header(file.bytes(), file.display_name());
    info["file_size"] = header.file_size;
    info["nodes"] = header.nodes;
    info["links"] = header.parameters.links;
    info["links0"] = header.parameters.links0;
    info["ef_construction"] = header.parameters.ef_construction;
    info["ef_search"] = header.parameters.ef_search;
    info["top_level"] = header.top_level;
    check_ann_matches_model(header, ann_identity_of(model.header()), index_path, model_path);
    info["usable"] = true;
  } catch (const Error& error) {
    info["usable"] = false;
    info["problem"] = error.what();
  }
  return info;
}

// "none", "m.emb.ann: 98 rows linked, M 16, ef 64 (built with ef_construction 100), 14.2 MiB",
// or "m.emb.ann, not usable: <why>".
std::string ann_index_text(const nlohmann::json& index) {
  if (index.is_null()) return "none";
  const std::string file = index.at("file").get<std::string>();
  if (!index.at("usable").get<bool>()) return file + ", not usable: " + index.at("problem").get<std::string>();
  return file + ": " + decimal(index.at("nodes").get<std::uint64_t>()) + " rows linked, M " +
         index.at("links").dump() + ", ef " + index.at("ef_search").dump() + " (built with ef_construction " +
         index.at("ef_construction").dump() + "), " + with_unit(index.at("file_size").get<std::uint64_t>());
}

// Mapped and indexed, no vector computed: the settings and shapes are in the header.
nlohmann::json describe_fasttext(const std::string& path, nlohmann::json info) {
  const FastTextModel model(path);
  const FastTextLayout& layout = model.layout();
  info["format_version"] = layout.version;
  info["file_size"] = file_size_of(path, VectorFormat::fasttext);
  // A quantized model's rows are decoded to float32 when read.
  info["dtype"] = layout.quantized() ? "product-quantized (8-bit codes)" : "float32";
  info["input_dim"] = model.rows();
  info["words"] = layout.words;
  info["output_dim"] = model.dims();
  // Its n-gram rows, as an .emb model names them (a pruned .ftz: the rows it kept); minn and
  // maxn are in the metadata.
  const std::uint64_t ngram_rows = layout.pruned_ngrams ? layout.pruned_ngrams->size()
                                                        : static_cast<std::uint64_t>(layout.args.bucket);
  info["buckets"] = model.has_subwords()
                        ? nlohmann::json{{"kind", "char-ngrams"}, {"rows", ngram_rows},
                                         {"dims", layout.args.dim}, {"minn", layout.args.minn},
                                         {"maxn", layout.args.maxn}}
                        : nlohmann::json(nullptr);
  if (layout.labels > 0) {
    nlohmann::json first = nlohmann::json::array();
    for (std::uint64_t i = 0; i < std::min<std::uint64_t>(layout.labels, kInfoLabelsShown); ++i) {
      const FastTextEntry& label = layout.entries[layout.words + i];
      // Replaced, not refused: a label that is not UTF-8 must not stop `info` (JSON needs UTF-8).
      const std::string name = word_from_bytes(label.word, UnicodeErrors::replace, path, 0, label.offset);
      first.push_back({{"name", name}, {"count", label.count}});
    }
    info["labels"] = {{"count", layout.labels}, {"first", first}};
  }
  info["metadata"] = {{"fasttext", model.settings()}};
  return info;
}

}  // namespace

nlohmann::json describe_vector_file(const std::string& path, const LoadOptions& options) {
  const VectorFormat format = format_to_read(path, options);
  nlohmann::json info = {{"file", path}, {"format", format_name(format)}};
  if (format == VectorFormat::emb) {
    MappedModel model(path);
    info["format_version"] = model.format_version();
    info["file_size"] = model.file_size();
    info["dtype"] = dtype_name(model.dtype());
    info["input_dim"] = model.rows();
    info["words"] = model.rows() - kReservedIds;
    info["output_dim"] = model.dims();
    info["hash_index"] = model.has_hash_index();
    info["head"] = rows_description(model.head());
    info["labels"] = labels_description(model);
    info["buckets"] = rows_description(model.buckets());
    if (const std::optional<CharNgramRange> range = model.char_ngrams()) {
      info["buckets"]["minn"] = range->minn;
      info["buckets"]["maxn"] = range->maxn;
    }
    info["ann_index"] = ann_index_description(path, model);
    info["metadata"] = model.metadata();
    return info;
  }
  if (format == VectorFormat::fasttext) return describe_fasttext(path, std::move(info));
  const EmbeddingModel model = load_vectors(path, options);
  info["file_size"] = file_size_of(path, format);
  info["dtype"] = "float32";
  info["input_dim"] = model.vectors.rows();
  info["words"] = model.vocabulary.word_count();
  info["output_dim"] = model.vectors.cols();
  info["metadata"] = nlohmann::json::object();  // foreign formats carry none
  return info;
}

std::string describe_as_text(const nlohmann::json& info) {
  std::ostringstream text;
  auto line = [&text](const std::string& name, const std::string& value) {
    text << std::left << std::setw(12) << name << value << "\n";
  };
  line("file", info.at("file").get<std::string>());
  std::string format = info.at("format").get<std::string>();
  if (info.contains("format_version")) format += " (version " + info.at("format_version").dump() + ")";
  line("format", format);
  line("file size", with_unit(info.at("file_size").get<std::uint64_t>()));
  line("dtype", info.at("dtype").get<std::string>());
  line("input_dim", info.at("input_dim").dump() + " rows: " + info.at("words").dump() +
                        " words, <pad> and <unk>");
  line("output_dim", info.at("output_dim").dump());
  if (info.contains("hash_index")) line("hash index", info.at("hash_index").get<bool>() ? "yes" : "no");
  if (info.contains("head")) line("head", rows_text(info.at("head")));
  if (info.contains("labels")) line("labels", labels_text(info.at("labels")));
  if (info.contains("buckets")) line("buckets", rows_text(info.at("buckets")));
  if (info.contains("ann_index")) line("ann index", ann_index_text(info.at("ann_index")));
  const nlohmann::json& metadata = info.at("metadata");
  if (metadata.empty()) {
    line("metadata", "none");
  } else {
    text << "metadata\n";
    std::istringstream lines(metadata.dump(2));
    for (std::string json_line; std::getline(lines, json_line);) text << "  " << json_line << "\n";
  }
  return text.str();
}

VerifyReport verify_vector_file(const std::string& path, const LoadOptions& options) {
  const VectorFormat format = format_to_read(path, options);
  VerifyReport report;
  try {
    if (format == VectorFormat::emb) {
      const MappedFile file(path, MappedFile::Access::sequential);
      report.problems = find_emb_problems(file.bytes(), file.display_name());
      if (report.problems.empty()) {
        const EmbHeader header = decode_emb_header(file.bytes(), file.display_name());
        report.summary = "emb version " + decimal(header.version) + ", " + decimal(header.rows) +
                         " rows x " + decimal(header.dims) + " dims, " +
                         std::string(dtype_name(header.value_type())) +
                         ", every checksum matches";
        // The index beside it, checked completely against this model.
        const std::string index_path = ann_index_path(path);
        if (ann_index_present(index_path)) {
          const MappedFile index(index_path, MappedFile::Access::sequential);
          report.problems = find_ann_problems(index.bytes(), index.display_name(), ann_identity_of(header), path);
          report.summary += "; its ANN index " + index_path + " is sound";
        }
      }
      return report;
    }
    const EmbeddingModel model = load_vectors(path, options);
    report.summary = std::string(format_name(format)) + ", " +
                     decimal(model.vocabulary.word_count()) + " words x " +
                     decimal(static_cast<std::uint64_t>(model.vectors.cols())) + " dims, every row reads";
  } catch (const UsageError&) {
    throw;
  } catch (const Error& error) {
    report.problems.emplace_back(error.what());
  }
  return report;
}

}  // namespace embedtool
