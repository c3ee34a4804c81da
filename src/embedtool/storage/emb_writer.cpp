// serialize_model and save_model: the writing half of emb_format.h.
#include <algorithm>
#include <functional>

#include "embedtool/errors.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_hash_index.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_labels_section.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_norms_section.h"
#include "embedtool/storage/emb_rows_section.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

using ByteSink = std::function<void(std::span<const std::byte>)>;

void check_model_shape(const EmbeddingModel& model, const std::string& destination) {
  const auto rows = static_cast<std::uint64_t>(model.vectors.rows());
  if (model.vocabulary.input_dim() != rows) {
    throw Error("cannot save " + destination + ": the vocabulary names " +
                decimal(model.vocabulary.input_dim()) + " rows (words + 2 reserved) but the matrix has " +
                decimal(rows));
  }
}

// Of the matrix or a rows section: all are encoded the same way.
std::uint32_t matrix_crc32(const Matrix& matrix, Dtype dtype) {
  std::uint32_t crc = 0;
  for_each_encoded_matrix_chunk(matrix, dtype, [&](std::span<const std::byte> chunk) {
    crc = crc32_of(chunk, crc);
  });
  return crc;
}

// The header fields of a rows section placed after a section ending at `previous_end`.
EmbRowsFields rows_fields(const std::string& kind, const Matrix& rows, std::uint64_t previous_end) {
  EmbRowsFields fields;
  fields.kind = kind;
  fields.rows = static_cast<std::uint64_t>(rows.rows());
  fields.dims = static_cast<std::uint64_t>(rows.cols());
  fields.section = {align_up(previous_end, kEmbRowsSectionAlignment),
                    fields.rows * fields.dims * bytes_per_value(Dtype::float32)};
  fields.crc32 = matrix_crc32(rows, Dtype::float32);
  return fields;
}

struct EncodedStart {
  EmbHeader header;
  std::vector<std::byte> bytes;  // everything before the matrix
  std::vector<std::byte> norms;  // the norms section, written last
};

// Header, metadata, vocabulary, hash index, labels and the zero padding up to the matrix: small
// next to the matrix, so they are built in memory; the matrix, the head and the bucket rows are
// then streamed after them.
EncodedStart encode_all_before_matrix(const EmbeddingModel& model, Dtype dtype,
                                      const std::string& destination) {
  const std::string metadata = encode_metadata_section(model.metadata, destination);
  const std::vector<std::byte> vocabulary = encode_vocabulary_section(model.vocabulary);
  const std::vector<std::byte> hash_index = encode_hash_index_section(model.vocabulary);
  const std::vector<std::byte> labels = encode_labels_section(model.labels);
  const auto metadata_bytes = std::as_bytes(std::span<const char>(metadata.data(), metadata.size()));

  EmbHeader header;
  header.dtype = static_cast<std::uint32_t>(dtype);
  header.rows = static_cast<std::uint64_t>(model.vectors.rows());
  header.dims = static_cast<std::uint64_t>(model.vectors.cols());
  header.metadata = {header.size(), metadata_bytes.size()};
  header.vocabulary = {align_up(header.metadata.offset + header.metadata.size, kEmbVocabularyAlignment),
                       vocabulary.size()};
  header.hash_index = {align_up(header.vocabulary.offset + header.vocabulary.size, kEmbHashIndexAlignment),
                       hash_index.size()};
  std::uint64_t end = header.hash_index.offset + header.hash_index.size;
  if (!model.labels.empty()) {
    header.labels = {model.labels.size(), {align_up(end, kEmbLabelsAlignment), labels.size()}, crc32_of(labels)};
    end = header.labels.section.offset + header.labels.section.size;
  }
  header.matrix = {align_up(end, kEmbMatrixAlignment), header.rows * header.dims * bytes_per_value(dtype)};
  header.file_size = header.matrix.offset + header.matrix.size;
  if (model.head) {
    header.head = rows_fields(model.head->kind, model.head->weights, header.file_size);
    header.file_size = header.head.section.offset + header.head.section.size;
  }
  if (model.buckets) {
    header.buckets = rows_fields(model.buckets->kind, model.buckets->rows, header.file_size);
    header.file_size = header.buckets.section.offset + header.buckets.section.size;
  }
  // Every model gets its row norms: they cost 4 bytes a row, and spare every cosine search a
  // pass over the matrix (emb_norms_section.h).
  std::vector<std::byte> norms = encode_norms_section(row_norms(model.vectors, dtype));
  header.norms = {header.rows, {align_up(header.file_size, kEmbNormsAlignment), norms.size()}, crc32_of(norms)};
  header.file_size = header.norms.section.offset + header.norms.section.size;
  header.metadata_crc32 = crc32_of(metadata_bytes);
  header.vocabulary_crc32 = crc32_of(vocabulary);
  header.hash_index_crc32 = crc32_of(hash_index);
  header.matrix_crc32 = matrix_crc32(model.vectors, dtype);

  std::vector<std::byte> bytes(header.matrix.offset);  // zero-filled: the padding
  const auto header_bytes = encode_emb_header(header);
  std::copy(header_bytes.begin(), header_bytes.end(), bytes.begin());
  std::copy(metadata_bytes.begin(), metadata_bytes.end(), bytes.begin() + header.metadata.offset);
  std::copy(vocabulary.begin(), vocabulary.end(), bytes.begin() + header.vocabulary.offset);
  std::copy(hash_index.begin(), hash_index.end(), bytes.begin() + header.hash_index.offset);
  if (header.has_labels()) std::copy(labels.begin(), labels.end(), bytes.begin() + header.labels.section.offset);
  return {header, std::move(bytes), std::move(norms)};
}

// Everything that can make a model unsavable, checked before any byte is written.
void check_savable(const EmbeddingModel& model, const EmbWriteOptions& options,
                   const std::string& destination) {
  check_model_shape(model, destination);
  check_matrix_fits_dtype(model.vectors, options.dtype, destination);
  const auto output_dim = static_cast<std::uint64_t>(model.vectors.cols());
  if (model.head) {
    check_rows_savable(model.head->kind, model.head->weights, output_dim, kEmbHeadNames, destination);
  }
  if (model.buckets) {
    check_rows_savable(model.buckets->kind, model.buckets->rows, output_dim, kEmbBucketNames, destination);
  }
  check_labels_savable(model.labels, destination);
}

void write_model(const EmbeddingModel& model, const EmbWriteOptions& options,
                 const std::string& destination, const ByteSink& sink) {
  const EncodedStart start = encode_all_before_matrix(model, options.dtype, destination);
  sink(start.bytes);
  for_each_encoded_matrix_chunk(model.vectors, options.dtype, sink);
  const EmbHeader& header = start.header;
  std::uint64_t written = header.matrix.offset + header.matrix.size;
  // The zero padding up to a rows section, then its f32 rows.
  auto write_rows = [&](const EmbRowsFields& fields, const Matrix& rows) {
    sink(std::vector<std::byte>(fields.section.offset - written));
    for_each_encoded_matrix_chunk(rows, Dtype::float32, sink);
    written = fields.section.offset + fields.section.size;
  };
  if (model.head) write_rows(header.head, model.head->weights);
  if (model.buckets) write_rows(header.buckets, model.buckets->rows);
  sink(std::vector<std::byte>(header.norms.section.offset - written));
  sink(start.norms);
}

}  // namespace

std::vector<std::byte> serialize_model(const EmbeddingModel& model, const EmbWriteOptions& options) {
  check_savable(model, options, "model");
  std::vector<std::byte> file;
  write_model(model, options, "model", [&](std::span<const std::byte> bytes) {
    file.insert(file.end(), bytes.begin(), bytes.end());
  });
  return file;
}

void save_model(const EmbeddingModel& model, const std::string& path, const EmbWriteOptions& options) {
  // Checked before the temporary file exists, so a model that cannot be saved leaves no trace.
  check_savable(model, options, path);
  AtomicFileWriter writer(path);
  write_model(model, options, path, [&](std::span<const std::byte> bytes) { writer.write(bytes); });
  writer.commit();
}

}  // namespace embedtool
