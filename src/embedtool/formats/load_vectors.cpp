#include "embedtool/formats/load_vectors.h"

#include <filesystem>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_bin_layout.h"
#include "embedtool/formats/fasttext_model.h"
#include "embedtool/formats/foreign_options.h"
#include "embedtool/formats/npy_vectors.h"
#include "embedtool/formats/projector_files.h"
#include "embedtool/formats/text_vectors.h"
#include "embedtool/formats/word2vec_binary.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/mapped_model.h"
#include "embedtool/storage/model_vector_table.h"

namespace embedtool {
namespace {

// Files whose first bytes say what they are; a mismatch with the chosen format is named, so
// that a model that is not what its name says gives a hint instead of a parse error.
void check_magic(std::span<const std::byte> bytes, VectorFormat format, const std::string& source) {
  const std::string_view start(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), 8));
  const std::string reading_as = "; it cannot be read as " + std::string(format_name(format));
  if (start.starts_with("\x89" "EMB") && format != VectorFormat::emb) {
    throw Error(source + " is an embedtool model (.emb)" + reading_as + " (use --from emb)");
  }
  if (start.starts_with("\x93NUMPY") && format != VectorFormat::npy) {
    throw Error(source + " is a numpy .npy file" + reading_as + " (use --from npy)");
  }
  if (has_fasttext_magic(bytes) && format != VectorFormat::fasttext) {
    throw Error(source + " is a fastText model (.bin)" + reading_as + " (use --from fasttext)");
  }
  if (format == VectorFormat::word2vec_binary && looks_like_old_fasttext(bytes)) {
    throw Error(source + " looks like a fastText model in the layout of fastText before 0.2 (no "
                         "magic number), which embedtool does not read: load it with fastText "
                         "0.9 and save it again, or read its .vec file");
  }
}

ForeignReadOptions foreign_options(const LoadOptions& options) {
  return {options.limit, options.unicode_errors};
}

EmbeddingModel load_foreign(const std::string& path, VectorFormat format, const LoadOptions& options) {
  if (format == VectorFormat::projector) {
    const ProjectorPaths paths = projector_paths(path);
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored) && !std::filesystem::exists(paths.vectors, ignored)) {
      throw Error(path + " is a directory without vectors.tsv, not a vector file (a TensorBoard "
                         "projector folder holds vectors.tsv and metadata.tsv)");
    }
    return read_projector_files(paths.vectors, options.vocab_path.value_or(paths.metadata),
                                foreign_options(options));
  }
  if (format == VectorFormat::fasttext) {
    FastTextModel model(path);
    if (options.limit) model.limit_words(*options.limit);
    return model.load(foreign_options(options));
  }
  // Mapped: a reader with a limit touches only the pages of the rows it reads.
  const MappedFile file(path, MappedFile::Access::sequential);
  check_magic(file.bytes(), format, file.display_name());
  switch (format) {
    case VectorFormat::word2vec_binary:
      return read_word2vec_binary(file.bytes(), file.display_name(), foreign_options(options));
    case VectorFormat::word2vec_text:
      return read_text_vectors(file.bytes(), file.display_name(), TextHeader::word2vec,
                               foreign_options(options));
    case VectorFormat::glove:
      return read_text_vectors(file.bytes(), file.display_name(), TextHeader::none,
                               foreign_options(options));
    case VectorFormat::npy:
      return read_npy_vectors(file.bytes(), file.display_name(),
                              options.vocab_path.value_or(npy_word_list_path(path)),
                              foreign_options(options));
    default:
      break;
  }
  throw std::logic_error("load_foreign: not a foreign format");
}

}  // namespace

VectorFormat format_to_read(const std::string& path, const LoadOptions& options) {
  const std::optional<VectorFormat> format = options.format ? options.format : format_for_reading(path);
  if (!format) {
    throw UsageError("cannot tell the format of " + path +
                     " from its name: give it with --from (" + format_names() + ")");
  }
  if (options.vocab_path && *format != VectorFormat::npy && *format != VectorFormat::projector) {
    throw UsageError("--vocab names the words of an npy or projector file; " + path + " is read as " +
                     std::string(format_name(*format)) + ", which holds its words itself");
  }
  return *format;
}

EmbeddingModel load_vectors(const std::string& path, const LoadOptions& options) {
  const VectorFormat format = format_to_read(path, options);
  if (format != VectorFormat::emb) return load_foreign(path, format, options);
  if (!options.limit) return load_model(path);
  MappedModel model(path);
  model.limit_words(*options.limit);
  return model.load();
}

std::unique_ptr<VectorTable> open_vectors(const std::string& path, const LoadOptions& options) {
  const VectorFormat format = format_to_read(path, options);
  if (format == VectorFormat::fasttext) {
    // Mapped like an .emb file: a word's vector needs only its own and its n-grams' rows.
    auto model = std::make_unique<FastTextModel>(path);
    if (options.limit) model->limit_words(*options.limit);
    return model;
  }
  if (format != VectorFormat::emb) {
    return std::make_unique<ModelVectorTable>(load_foreign(path, format, options));
  }
  auto model = std::make_unique<MappedModel>(path);
  if (options.limit) model->limit_words(*options.limit);
  return model;
}

VectorsWithSubwords load_vectors_with_subwords(const std::string& path, const LoadOptions& options) {
  const VectorFormat format = format_to_read(path, options);
  if (format == VectorFormat::emb) {
    // The n-gram rows are read in place from a second mapping of the file, as lookup reads them,
    // and not copied into the model: they are most of a subword model's file.
    auto table = std::make_unique<MappedModel>(path);
    if (!table->has_subwords()) return {load_vectors(path, options), nullptr};
    if (!options.limit) return {load_model(path, BucketSection::skip), std::move(table)};
    MappedModel limited(path);
    limited.limit_words(*options.limit);
    return {limited.load(BucketSection::skip), std::move(table)};
  }
  if (format != VectorFormat::fasttext) return {load_vectors(path, options), nullptr};
  // One mapping and one dictionary index serve both.
  auto table = std::make_unique<FastTextModel>(path);
  if (options.limit) table->limit_words(*options.limit);
  ForeignReadOptions words_only = foreign_options(options);
  words_only.char_ngram_rows = false;  // the table reads them in place
  EmbeddingModel model = table->load(words_only);
  if (!table->has_subwords()) return {std::move(model), nullptr};
  return {std::move(model), std::move(table)};
}

}  // namespace embedtool
