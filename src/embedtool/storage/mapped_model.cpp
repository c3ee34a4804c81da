#include "embedtool/storage/mapped_model.h"
#include "embedtool/storage/char_ngram_vectors.h"

#include <algorithm>

#include "embedtool/errors.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_labels_section.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_norms_section.h"
#include "embedtool/storage/emb_rows_section.h"
#include "embedtool/storage/emb_section_checksum.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

namespace {

// Up to this size, checking every checksum costs a few milliseconds (CRC32 runs at about 1 GB/s),
// so a mapped open does it: damage to a small model is caught on every lookup, and large ones
// stay fast.
constexpr std::uint64_t kVerifyChecksumsUpTo = std::uint64_t{8} << 20;

// Row `index` of a row-major section of `dims` values of `dtype` starting at `offset`, which
// decode_emb_header has checked to hold at least index + 1 rows.
Eigen::RowVectorXf read_row(std::span<const std::byte> file, std::uint64_t offset,
                            std::uint64_t index, std::uint64_t dims, Dtype dtype) {
  const std::byte* start = file.data() + offset + index * dims * bytes_per_value(dtype);
  Eigen::RowVectorXf values(static_cast<Eigen::Index>(dims));
  decode_values(start, dims, dtype, values.data());
  return values;
}

}  // namespace

MappedModel::MappedModel(const std::string& path)
    : file_(path, MappedFile::Access::random),
      header_(decode_emb_header(file_.bytes(), file_.display_name())),
      rows_(header_.rows) {
  const std::string& source = file_.display_name();
  if (header_.file_size <= kVerifyChecksumsUpTo) {
    // Checksums only: validating every word would mean building a map of them all.
    checksummed_section(file_.bytes(), header_.vocabulary, header_.vocabulary_crc32, "vocabulary", source);
    if (header_.has_hash_index()) {
      checksummed_section(file_.bytes(), header_.hash_index, header_.hash_index_crc32, "hash index", source);
    }
    if (header_.has_labels()) {
      checksummed_section(file_.bytes(), header_.labels.section, header_.labels.crc32, "labels", source);
    }
    checksummed_section(file_.bytes(), header_.matrix, header_.matrix_crc32, "matrix", source);
    for (const EmbRowsSectionRef& rows : header_.rows_sections()) {
      if (!rows.fields.present()) continue;
      checksummed_section(file_.bytes(), rows.fields.section, rows.fields.crc32, rows.names.section, source);
    }
    if (header_.has_norms()) checked_norms_in_place(file_.bytes(), header_, source);
  }
  metadata_ = decode_metadata_section(
      checksummed_section(file_.bytes(), header_.metadata, header_.metadata_crc32, "metadata", source),
      source);
  vocabulary_.emplace(file_.bytes().subspan(header_.vocabulary.offset, header_.vocabulary.size),
                      header_.rows, source);
  if (header_.has_hash_index()) {
    hash_index_.emplace(file_.bytes().subspan(header_.hash_index.offset, header_.hash_index.size));
  }
  // Without the n-grams' lengths the rows cannot be addressed: such a file (written by hand or
  // by another tool) is read as a model without subwords, whose unseen words stay unknown; the
  // loaded model (SentenceVectors, the fastText writer) says why when it needs them.
  if (header_.has_buckets() && header_.buckets.kind == kCharNgramsKind) {
    try {
      char_ngrams_ = char_ngram_range_of(metadata_, source);
    } catch (const Error&) {
      char_ngrams_.reset();
    }
  }
}

std::optional<Eigen::RowVectorXf> MappedModel::subword_vector(std::string_view word) const {
  if (!char_ngrams_) return std::nullopt;
  return char_ngram_mean(nullptr, word, *char_ngrams_, header_.buckets.rows, header_.dims,
                         [this](std::uint64_t bucket, Eigen::RowVectorXf& sum) {
                           sum += bucket_row(bucket);
                           return true;
                         });
}

void MappedModel::check_row(WordId id) const {
  if (id < 0 || static_cast<std::uint64_t>(id) >= rows_) {
    throw Error("row " + std::to_string(id) + " is out of range (" + display_name() +
                " has rows 0 to " + decimal(rows_ - 1) + ")");
  }
}

std::optional<WordId> MappedModel::id_of(std::string_view word) const {
  if (!hash_index_) return scan_for(word);
  const std::optional<std::uint64_t> row = hash_index_->find(word, *vocabulary_);
  if (!row || *row >= rows_) return std::nullopt;  // not a word, or hidden by limit_words
  return static_cast<WordId>(*row);
}

// Files without an index (version 1): compare with each word in turn. Comparing lengths first
// keeps this to one pass over the offset table plus a few word comparisons.
std::optional<WordId> MappedModel::scan_for(std::string_view word) const {
  for (std::uint64_t row = kReservedIds; row < rows_; ++row) {
    if (vocabulary_->word_end(row + 1) - vocabulary_->word_end(row) != word.size()) continue;
    if (vocabulary_->word(row) == word) return static_cast<WordId>(row);
  }
  return std::nullopt;
}

std::string_view MappedModel::word(WordId id) const {
  check_row(id);
  return vocabulary_->word(static_cast<std::uint64_t>(id));
}

std::uint64_t MappedModel::count(WordId id) const {
  check_row(id);
  return vocabulary_->count(static_cast<std::uint64_t>(id));
}

Eigen::RowVectorXf MappedModel::row(WordId id) const {
  check_row(id);
  return read_row(file_.bytes(), header_.matrix.offset, static_cast<std::uint64_t>(id), header_.dims, dtype());
}

StoredRows MappedModel::stored_rows() const {
  // The file was opened for lookups (no read-ahead); a search reads the matrix in order.
  file_.will_read(file_.bytes().subspan(header_.matrix.offset, rows_ * header_.dims * bytes_per_value(dtype())),
                  MappedFile::Access::sequential);
  return scattered_rows();
}

StoredRows MappedModel::scattered_rows() const {
  // The norms are read whole by a search, and their checksum costs milliseconds: checked.
  const float* norms = header_.has_norms() ? checked_norms_in_place(file_.bytes(), header_, display_name()) : nullptr;
  return {file_.bytes().data() + header_.matrix.offset, rows_, header_.dims, dtype(), norms};
}

Eigen::RowVectorXf MappedModel::bucket_row(std::uint64_t bucket) const {
  if (bucket >= header_.buckets.rows) {
    throw Error("bucket row " + decimal(bucket) + " is out of range (" + display_name() + " has " +
                decimal(header_.buckets.rows) + " bucket rows)");
  }
  return read_row(file_.bytes(), header_.buckets.section.offset, bucket, header_.buckets.dims,
                  Dtype::float32);
}

LabelSet MappedModel::labels() const {
  if (!header_.has_labels()) return {};
  return decode_labels_section(checksummed_section(file_.bytes(), header_.labels.section,
                                                   header_.labels.crc32, "labels", display_name()),
                               header_.labels.count, display_name());
}

void MappedModel::limit_words(std::uint64_t words) {
  const std::uint64_t available = header_.rows - kReservedIds;
  rows_ = kReservedIds + std::min(available, words);
}

EmbeddingModel MappedModel::load(BucketSection buckets) const {
  if (rows_ == header_.rows) return parse_model(file_.bytes(), display_name(), buckets);
  EmbeddingModel model;
  model.metadata = metadata_;
  model.vocabulary = vocabulary_from_view(*vocabulary_, rows_);
  const auto matrix = file_.bytes().subspan(header_.matrix.offset,
                                            rows_ * header_.dims * bytes_per_value(dtype()));
  model.vectors = decode_matrix_section(matrix, rows_, header_.dims, dtype());
  model.labels = labels();
  if (header_.has_buckets() && buckets == BucketSection::read) {
    model.buckets = BucketRows{header_.buckets.kind,
                               read_rows_section(file_.bytes(), header_.buckets, kEmbBucketNames, display_name())};
  }
  return model;
}

}  // namespace embedtool
