#pragma once
// An .emb file used in place: the file is memory-mapped and only what a caller asks for is read.
// Looking up a few words in a 1,000,000 x 300 model reads the header, the metadata, a few hash
// index slots, a few words and a few rows: milliseconds, whatever the file size.
//
// What is checked, and when:
// - on open: the header completely (magic, version, header checksum, every size and offset
//   against the real file size) and the metadata section (checksum and JSON); for a file of at
//   most 8 MiB, every section's checksum too (it costs a few milliseconds);
// - on each access: the offsets of each word read, and each hash index slot followed, so that a
//   damaged file can give an Error but never a read outside the file;
// - never, in a larger file: the checksums of the vocabulary, the hash index, the matrix, the
//   head and the bucket rows, which would mean reading all of them. The head's weights are not
//   mapped: lookups do not use them, and load() reads them. Bucket rows are read one at a time
//   like word rows (bucket_row). The labels are read, checksum and all, when labels() is
//   called, and the row norms' checksum when stored_rows() is (a search reads them all).
//   load() and load_model() verify everything; `embedtool verify` reports every problem.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"
#include "embedtool/storage/emb_format.h"
#include "embedtool/text/char_ngrams.h"
#include "embedtool/storage/emb_hash_index.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/emb_vocabulary_view.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool {

class MappedModel final : public VectorTable {
 public:
  // Throws Error naming the file if it cannot be read or its header or metadata are invalid.
  explicit MappedModel(const std::string& path);

  std::uint64_t rows() const override { return rows_; }
  std::uint64_t dims() const override { return header_.dims; }
  std::optional<WordId> id_of(std::string_view word) const override;
  std::string_view word(WordId id) const override;
  Eigen::RowVectorXf row(WordId id) const override;
  // A subword model's (bucket rows of kind "char-ngrams"): a word outside the vocabulary gets the
  // mean of its n-grams' rows, read in place (char_ngram_vectors.h).
  bool has_subwords() const override { return char_ngrams_.has_value(); }
  const std::optional<CharNgramRange>& char_ngrams() const { return char_ngrams_; }
  std::optional<Eigen::RowVectorXf> subword_vector(std::string_view word) const override;
  // The matrix section in place, unverified: a search that reads every row says nothing about
  // its checksum (`embedtool verify` does); and the norms section if the file has one, its
  // checksum verified (a few milliseconds). Throws Error if the norms are damaged.
  StoredRows stored_rows() const override;
  // The same rows for a search that reads a few scattered ones (query/ann_search.h): no
  // read-ahead is asked for, so a cold file is read a page at a time where the search goes.
  StoredRows scattered_rows() const;
  std::uint64_t count(WordId id) const;

  // Only the first `words` words (rows 2 ... words + 1) remain visible: --limit.
  void limit_words(std::uint64_t words);

  // The header as decoded on open (what an ANN index records of its model: ann_file.h).
  const EmbHeader& header() const { return header_; }
  std::uint32_t format_version() const { return header_.version; }
  Dtype dtype() const { return header_.value_type(); }
  std::uint64_t file_size() const { return header_.file_size; }
  bool has_hash_index() const { return header_.has_hash_index(); }
  bool has_head() const { return header_.has_head(); }
  bool has_norms() const { return header_.has_norms(); }
  // The head's kind and shape from the header (kind "" and all 0 if the file has none).
  const EmbRowsFields& head() const { return header_.head; }
  bool has_buckets() const { return header_.has_buckets(); }
  // The bucket rows' kind and shape from the header (kind "" and all 0 if the file has none).
  const EmbRowsFields& buckets() const { return header_.buckets; }
  // Bucket row `bucket` (< buckets().rows) read in place; throws Error if out of range.
  Eigen::RowVectorXf bucket_row(std::uint64_t bucket) const;
  std::uint64_t label_count() const { return header_.labels.count; }
  // The classifier's labels (empty if the file has none), read and checked completely, checksum
  // included, on each call: they are small next to E, and a caller asks once.
  LabelSet labels() const;
  const nlohmann::json& metadata() const { return metadata_; }
  const std::string& display_name() const { return file_.display_name(); }

  // The whole model in memory with every checksum verified, as load_model does; with
  // limit_words, the visible rows only, checked as they are read (the checksums cover whole
  // sections and are not verified then), and no head: its rows may belong to the hidden words.
  // The labels and the bucket rows belong to no word, so a limited model keeps them whole
  // (unless `buckets` says skip: emb_format.h).
  EmbeddingModel load(BucketSection buckets = BucketSection::read) const;

 private:
  void check_row(WordId id) const;
  std::optional<WordId> scan_for(std::string_view word) const;

  MappedFile file_;
  EmbHeader header_;
  nlohmann::json metadata_;
  std::optional<EmbVocabularyView> vocabulary_;  // set in the constructor, after the header
  std::optional<EmbHashIndexView> hash_index_;   // files of version 2 written by embedtool
  std::uint64_t rows_ = 0;                       // header_.rows unless limited
  std::optional<CharNgramRange> char_ngrams_;    // a subword model's, from its metadata
};

}  // namespace embedtool
