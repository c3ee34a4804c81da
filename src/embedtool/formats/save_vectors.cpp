#include "embedtool/formats/save_vectors.h"

#include "embedtool/formats/fasttext_bin_writer.h"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/formats/npy_vectors.h"
#include "embedtool/formats/output_file.h"
#include "embedtool/formats/projector_files.h"
#include "embedtool/formats/text_vectors.h"
#include "embedtool/formats/word2vec_binary.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

// A projector output is a folder unless it names the .tsv vectors file.
bool names_projector_folder(const std::string& path) {
  return path.ends_with('/') || !path.ends_with(".tsv");
}

// A projector output named as a folder is made if missing (only the last level, as mkdir).
void make_projector_folder(const std::string& path) {
  if (!names_projector_folder(path)) return;
  if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
    throw Error("cannot create the folder " + path + ": " + errno_text(errno));
  }
}

void save_emb(const EmbeddingModel& model, const std::string& path, Dtype dtype) {
  if (path != "-") {
    save_model(model, path, {dtype});
    return;
  }
  OutputFile out(path);
  out.write(serialize_model(model, {dtype}));
  out.commit();
}

}  // namespace

VectorFormat format_to_write(const std::string& path, const SaveOptions& options) {
  const std::optional<VectorFormat> format = options.format ? options.format : format_for_writing(path);
  if (!format) {
    throw UsageError("cannot tell the format to write " + path +
                     " in from its name: give it with --to (" + format_names() + ")");
  }
  const bool two_files = *format == VectorFormat::npy || *format == VectorFormat::projector;
  if (path == "-" && two_files) {
    throw UsageError(std::string(format_name(*format)) +
                     " output is two files, so it cannot go to standard output: name a file");
  }
  const bool float16_capable = *format == VectorFormat::emb || *format == VectorFormat::npy;
  if (options.dtype == Dtype::float16 && !float16_capable) {
    throw UsageError("--dtype float16 is for emb and npy outputs; " +
                     std::string(format_name(*format)) + " stores float32 or text");
  }
  return *format;
}

void check_can_save(const std::string& path, const SaveOptions& options) {
  const VectorFormat format = format_to_write(path, options);
  if (path == "-") return;
  std::string probe = path;
  std::error_code ignored;
  if (format == VectorFormat::projector && names_projector_folder(path)) {
    // An existing folder gets the files; a new one is made in its parent.
    if (std::filesystem::is_directory(path, ignored)) {
      probe = projector_paths(path).vectors;
    } else {
      while (probe.size() > 1 && probe.ends_with('/')) probe.pop_back();
    }
  }
  AtomicFileWriter::check_writable(probe);
}

std::string parts_not_saved(const EmbeddingModel& model, VectorFormat format) {
  if (format == VectorFormat::emb) return "";
  auto shape = [](const Matrix& rows) {
    std::string text = "(";  // not "(" + ...: GCC 12 warns falsely (-Wrestrict) about that
    text += decimal(static_cast<std::uint64_t>(rows.rows())) + " x " +
            decimal(static_cast<std::uint64_t>(rows.cols())) + ")";
    return text;
  };
  std::vector<std::string> parts;
  // A fastText file's output matrix holds an ns head's rows (fasttext_bin_writer.h).
  const bool head_kept = format == VectorFormat::fasttext && model.head && model.head->kind == "ns";
  if (model.head && !head_kept)
    parts.push_back("the " + model.head->kind + " head " + shape(model.head->weights));
  if (!model.labels.empty()) {
    parts.push_back(decimal(model.labels.size()) + (model.labels.size() == 1 ? " label" : " labels"));
  }
  // A fastText file keeps character n-gram rows (fasttext_bin_writer.h).
  const bool buckets_kept = format == VectorFormat::fasttext && model.buckets &&
                            model.buckets->kind == kCharNgramsKind;
  if (model.buckets && !buckets_kept) parts.push_back("the " + model.buckets->kind + " bucket rows " + shape(model.buckets->rows));
  std::string phrase;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) phrase += i + 1 == parts.size() ? " and " : ", ";
    phrase += parts[i];
  }
  return phrase;
}

void save_vectors(const EmbeddingModel& model, const std::string& path, const SaveOptions& options) {
  const VectorFormat format = format_to_write(path, options);
  switch (format) {
    case VectorFormat::emb:
      save_emb(model, path, options.dtype);
      return;
    case VectorFormat::word2vec_binary:
    case VectorFormat::word2vec_text:
    case VectorFormat::glove:
    case VectorFormat::fasttext: {
      OutputFile out(path);
      if (format == VectorFormat::fasttext) {
        write_fasttext_bin(model, out);
      } else if (format == VectorFormat::word2vec_binary) {
        write_word2vec_binary(model, out);
      } else {
        write_text_vectors(model, format == VectorFormat::glove ? TextHeader::none : TextHeader::word2vec, out);
      }
      out.commit();
      return;
    }
    case VectorFormat::npy: {
      OutputFile array(path);
      OutputFile words(npy_word_list_path(path));
      write_npy_vectors(model, options.dtype, array, words);
      words.commit();
      array.commit();
      return;
    }
    case VectorFormat::projector: {
      make_projector_folder(path);
      const ProjectorPaths paths = projector_paths(path);
      OutputFile vectors(paths.vectors);
      OutputFile metadata(paths.metadata);
      write_projector_files(model, vectors, metadata);
      metadata.commit();
      vectors.commit();
      return;
    }
  }
}

}  // namespace embedtool
