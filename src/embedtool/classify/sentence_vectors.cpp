#include "embedtool/classify/sentence_vectors.h"

#include <cassert>

#include "embedtool/sequences/labelled_line.h"
#include "embedtool/storage/char_ngram_vectors.h"
#include "embedtool/training/word_subword_rows.h"

namespace embedtool {
namespace {

// E with the bucket rows below it, the table training drew a line's rows from. A row-major
// matrix that only gains rows is reallocated in place (realloc: the pages are remapped for a
// large E), so a model's memory is not doubled for this.
Matrix stacked_input_table(EmbeddingModel& model, const LineSettings& settings) {
  Matrix table = std::move(model.vectors);
  model.vectors = Matrix();
  // A word model's character n-gram rows are not a line's inputs: they stand for unseen words
  // (encode_with_subwords). A classifier's are (line_settings_of said so).
  if (model.buckets && settings.shape.has_buckets() && model.buckets->rows.rows() > 0) {
    const Eigen::Index words = table.rows();
    const Eigen::Index buckets = model.buckets->rows.rows();
    table.conservativeResize(words + buckets, table.cols());
    table.bottomRows(buckets) = model.buckets->rows;
  }
  model.buckets.reset();
  return table;
}

}  // namespace

SentenceVectors::SentenceVectors(EmbeddingModel& model, const std::string& source)
    : settings_(line_settings_of(model, source)),
      tokenizer_(settings_.tokenizer),
      encoder_(tokenizer_, model.vocabulary) {
  const LineInputShape& shape = settings_.shape;
  if (model.buckets && model.buckets->kind == kCharNgramsKind && !shape.has_char_ngrams()) {
    char_ngrams_ = char_ngram_range_of(model.metadata, source);
    char_ngram_rows_ = std::move(model.buckets->rows);
    model.buckets.reset();
  }
  table_ = stacked_input_table(model, settings_);
  assert(static_cast<std::uint64_t>(table_.rows()) >= shape.table_rows());
  // A classifier with subwords stores its words' whole vectors (model.h); a line's rows are
  // the words' own input rows, recovered once here.
  if (shape.has_char_ngrams())
    restore_own_rows(table_, WordSubwordRows(model.vocabulary, shape.char_ngrams, shape.buckets),
                     shape.input_dim);
}

bool SentenceVectors::encode(std::string_view line, const TextLocation& where,
                             std::vector<std::string_view>& labels, std::span<float> h) {
  std::string_view text = line;
  labels.clear();
  if (settings_.label_prefix) {
    split_labels(line, *settings_.label_prefix, labels, text_);
    text = text_;
  }
  if (char_ngrams_) return encode_with_subwords(text, where, h);
  ids_.clear();
  rows_.clear();
  if (settings_.shape.has_char_ngrams()) {
    // The words' strings are needed: an unknown word still has its n-grams' rows.
    tokenizer_.for_each_token(text, where, [&](std::string_view word) {
      ids_.push_back(encoder_.id_of(word));
      append_word_input_rows(ids_.back(), word, settings_.shape, rows_);
    });
    append_word_ngram_rows(ids_, settings_.shape, rows_);
  } else {
    encoder_.append_ids(text, where, ids_);
    append_line_input_rows(ids_, settings_.shape, rows_);
  }
  if (rows_.empty()) return false;
  mean_of_rows(table_, rows_, h);
  return true;
}

bool SentenceVectors::encode_with_subwords(std::string_view text, const TextLocation& where,
                                           std::span<float> h) {
  sum_.setZero(table_.cols());
  std::size_t words = 0;
  rows_.clear();
  tokenizer_.for_each_token(text, where, [&](std::string_view word) {
    const WordId id = encoder_.id_of(word);
    if (id >= kFirstWordId) {
      sum_ += table_.row(id);
      rows_.push_back(id);
      ++words;
      return;
    }
    bool has_ngrams = false;
    const Eigen::RowVectorXf vector = char_ngram_mean(
        nullptr, word, *char_ngrams_, static_cast<std::uint64_t>(char_ngram_rows_.rows()),
        static_cast<std::uint64_t>(table_.cols()),
        [&](std::uint64_t bucket, Eigen::RowVectorXf& sum) {
          sum += char_ngram_rows_.row(static_cast<Eigen::Index>(bucket));
          has_ngrams = true;
          return true;
        });
    if (!has_ngrams) return;
    sum_ += vector;
    ++words;
  });
  if (words == 0) return false;
  const float inverse = 1.0f / static_cast<float>(words);
  for (std::size_t i = 0; i < h.size(); ++i) h[i] = sum_[static_cast<Eigen::Index>(i)] * inverse;
  return true;
}

}  // namespace embedtool
