// parse_model and load_model: the reading half of emb_format.h.
#include "embedtool/errors.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_hash_index.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_labels_section.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_norms_section.h"
#include "embedtool/storage/emb_rows_section.h"
#include "embedtool/storage/emb_section_checksum.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/emb_vocabulary_view.h"
#include "embedtool/storage/mapped_file.h"

namespace embedtool {

EmbeddingModel parse_model(std::span<const std::byte> bytes, const std::string& source_name,
                           BucketSection buckets) {
  const EmbHeader header = decode_emb_header(bytes, source_name);
  EmbeddingModel model;
  model.metadata = decode_metadata_section(
      checksummed_section(bytes, header.metadata, header.metadata_crc32, "metadata", source_name),
      source_name);
  const auto vocabulary_bytes = checksummed_section(bytes, header.vocabulary,
                                                    header.vocabulary_crc32, "vocabulary", source_name);
  model.vocabulary = decode_vocabulary_section(vocabulary_bytes, header.rows, source_name);
  if (header.has_hash_index()) {
    const EmbHashIndexView index(checksummed_section(bytes, header.hash_index, header.hash_index_crc32,
                                                     "hash index", source_name));
    check_hash_index(index, EmbVocabularyView(vocabulary_bytes, header.rows, source_name));
  }
  if (header.has_labels()) {
    model.labels = decode_labels_section(
        checksummed_section(bytes, header.labels.section, header.labels.crc32, "labels", source_name),
        header.labels.count, source_name);
  }
  model.vectors = decode_matrix_section(
      checksummed_section(bytes, header.matrix, header.matrix_crc32, "matrix", source_name),
      header.rows, header.dims, header.value_type());
  if (header.has_head()) {
    model.head = HeadWeights{header.head.kind,
                             read_rows_section(bytes, header.head, kEmbHeadNames, source_name)};
  }
  if (header.has_buckets() && buckets == BucketSection::read) {
    model.buckets = BucketRows{header.buckets.kind,
                               read_rows_section(bytes, header.buckets, kEmbBucketNames, source_name)};
  }
  // Derived from the matrix, so not part of the model: checked, and written anew on saving.
  if (header.has_norms()) checked_norms_in_place(bytes, header, source_name);
  return model;
}

EmbeddingModel load_model(const std::string& path, BucketSection buckets) {
  const MappedFile file(path, MappedFile::Access::sequential);
  return parse_model(file.bytes(), file.display_name(), buckets);
}

}  // namespace embedtool
