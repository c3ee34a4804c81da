// serialize_model and save_model: the writing half of emb_format.h.
#include <algorithm>
#include <functional>

#include "embedtool/errors.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
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

std::uint32_t matrix_crc32(const Matrix& matrix) {
  std::uint32_t crc = 0;
  for_each_encoded_matrix_chunk(matrix, [&](std::span<const std::byte> chunk) {
    crc = crc32_of(chunk, crc);
  });
  return crc;
}

// Header, metadata, vocabulary and the zero padding up to the matrix: small next to the matrix,
// so it is built in memory; the matrix is then streamed after it.
std::vector<std::byte> encode_all_before_matrix(const EmbeddingModel& model,
                                                const std::string& destination) {
  check_model_shape(model, destination);
  const std::string metadata = encode_metadata_section(model.metadata, destination);
  const std::vector<std::byte> vocabulary = encode_vocabulary_section(model.vocabulary);
  const auto metadata_bytes = std::as_bytes(std::span<const char>(metadata.data(), metadata.size()));

  EmbHeader header;
  header.rows = static_cast<std::uint64_t>(model.vectors.rows());
  header.dims = static_cast<std::uint64_t>(model.vectors.cols());
  header.metadata = {kEmbHeaderSize, metadata_bytes.size()};
  header.vocabulary = {align_up(header.metadata.offset + header.metadata.size, kEmbVocabularyAlignment),
                       vocabulary.size()};
  header.matrix = {align_up(header.vocabulary.offset + header.vocabulary.size, kEmbMatrixAlignment),
                   header.rows * header.dims * sizeof(float)};
  header.file_size = header.matrix.offset + header.matrix.size;
  header.metadata_crc32 = crc32_of(metadata_bytes);
  header.vocabulary_crc32 = crc32_of(vocabulary);
  header.matrix_crc32 = matrix_crc32(model.vectors);

  std::vector<std::byte> bytes(header.matrix.offset);  // zero-filled: the padding
  const auto header_bytes = encode_emb_header(header);
  std::copy(header_bytes.begin(), header_bytes.end(), bytes.begin());
  std::copy(metadata_bytes.begin(), metadata_bytes.end(), bytes.begin() + header.metadata.offset);
  std::copy(vocabulary.begin(), vocabulary.end(), bytes.begin() + header.vocabulary.offset);
  return bytes;
}

void write_model(const EmbeddingModel& model, const std::string& destination, const ByteSink& sink) {
  sink(encode_all_before_matrix(model, destination));
  for_each_encoded_matrix_chunk(model.vectors, sink);
}

}  // namespace

std::vector<std::byte> serialize_model(const EmbeddingModel& model) {
  std::vector<std::byte> file;
  write_model(model, "model", [&](std::span<const std::byte> bytes) {
    file.insert(file.end(), bytes.begin(), bytes.end());
  });
  return file;
}

void save_model(const EmbeddingModel& model, const std::string& path) {
  // Checked before the temporary file exists, so a model that cannot be saved leaves no trace.
  check_model_shape(model, path);
  AtomicFileWriter writer(path);
  write_model(model, path, [&](std::span<const std::byte> bytes) { writer.write(bytes); });
  writer.commit();
}

}  // namespace embedtool
