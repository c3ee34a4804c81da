#pragma once
// A fastText model (.bin, or .ftz quantized) used in place: the file is mapped, its dictionary
// indexed, and a word's vector computed from the rows it needs when it is asked for, so that
// looking up a few words in a 2M-word x 300 model reads a few dozen rows, not 7 GB. A quantized
// model's rows are decoded one by one the same way (fasttext_quantized_matrix.h).
//
// A word's vector is fastText's (its getWordVector): the mean of the input rows of the word and
// of its character n-grams (text/char_ngrams.h), the n-gram rows numbered from the word count on
// (in a pruned .ftz, the rows its dictionary lists; an n-gram without one is left out).
// A word the dictionary lacks gets the mean of its n-grams' rows alone (subword_vector). Rows 0
// and 1 are the reserved <pad> and <unk>, zero, as for every foreign format; word k of the file
// has id k + 2. Labels of a classifier are not words and have no id.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "embedtool/formats/fasttext_bin_layout.h"
#include "embedtool/formats/fasttext_word_index.h"
#include "embedtool/formats/foreign_options.h"
#include "embedtool/model.h"
#include "embedtool/storage/mapped_file.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool {

class FastTextModel final : public VectorTable {
 public:
  // Maps the file. Throws Error naming it if it cannot be read or is not a complete fastText
  // model (fasttext_bin_layout.h).
  explicit FastTextModel(const std::string& path);
  // Over bytes that the caller keeps alive as long as this (tests, the fuzzer).
  FastTextModel(std::span<const std::byte> bytes, std::string source_name);

  std::uint64_t rows() const override { return visible_words_ + kReservedIds; }
  std::uint64_t dims() const override { return static_cast<std::uint64_t>(layout_.args.dim); }
  std::optional<WordId> id_of(std::string_view word) const override;
  std::string_view word(WordId id) const override;
  Eigen::RowVectorXf row(WordId id) const override;
  bool has_subwords() const override { return layout_.has_char_ngrams(); }
  std::optional<Eigen::RowVectorXf> subword_vector(std::string_view word) const override;
  // Every visible word's vector, computed once on the first call and kept (fastText's nn
  // precomputes them the same way): a word's vector is a mean of rows, stored nowhere.
  StoredRows stored_rows() const override;

  // Only the first `words` words remain visible (--limit); the others are unknown words then.
  void limit_words(std::uint64_t words);

  const FastTextLayout& layout() const { return layout_; }
  const std::string& display_name() const { return source_; }
  // fastText's settings and sizes as JSON, for a model's metadata and `info`.
  nlohmann::json settings() const;

  // Every visible word's vector in memory (what fastText's .vec file holds), words passed
  // through `options.unicode_errors`; metadata {"converted_from": ..., "fasttext": settings()}.
  // The n-gram rows come too (options.char_ngram_rows), but not from a pruned .ftz, whose
  // missing rows an .emb could not leave out of a mean.
  EmbeddingModel load(const ForeignReadOptions& options) const;

 private:
  void index_words();
  void check_word_id(WordId id) const;
  // Adds input row `row` to `sum`, read in place (decoded, if quantized).
  void add_input_row(std::uint64_t row, Eigen::RowVectorXf& sum) const;
  // fastText's mean: rows summed in order in float32, then scaled by float(1.0 / count).
  Eigen::RowVectorXf mean_of(std::optional<std::uint64_t> word_row, std::string_view word) const;

  std::optional<MappedFile> file_;
  std::span<const std::byte> bytes_;
  std::string source_;
  FastTextLayout layout_;
  FastTextWordIndex index_;  // word -> entry
  std::uint64_t visible_words_ = 0;
  mutable Matrix word_vectors_;  // stored_rows(): rows() x dims(), the reserved rows zero
};

}  // namespace embedtool
