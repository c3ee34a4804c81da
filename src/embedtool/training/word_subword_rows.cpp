#include "embedtool/training/word_subword_rows.h"

#include <algorithm>

namespace embedtool {

WordSubwordRows::WordSubwordRows(const Vocabulary& vocabulary, CharNgramRange range,
                                 std::uint64_t buckets) {
  const std::size_t input_dim = vocabulary.input_dim();
  const auto first_bucket_row = static_cast<InputRow>(input_dim);
  starts_.reserve(input_dim + 1);
  for (WordId id = 0; id < kFirstWordId; ++id) starts_.push_back(0);
  for (WordId id = kFirstWordId; id < static_cast<WordId>(input_dim); ++id) {
    starts_.push_back(rows_.size());
    rows_.push_back(id);
    for (const std::uint64_t bucket : char_ngram_buckets(vocabulary.word(id), range, buckets))
      rows_.push_back(first_bucket_row + static_cast<InputRow>(bucket));
  }
  starts_.push_back(rows_.size());
  rows_.shrink_to_fit();
}

Matrix subword_word_vectors(const Matrix& table, const WordSubwordRows& subwords,
                            std::size_t input_dim) {
  Matrix vectors = table.topRows(static_cast<Eigen::Index>(input_dim));
  std::vector<float> mean(static_cast<std::size_t>(table.cols()));
  for (WordId id = kFirstWordId; id < static_cast<WordId>(input_dim); ++id) {
    mean_of_rows(table, subwords.rows(id), mean);
    std::copy(mean.begin(), mean.end(), vectors.row(id).data());
  }
  return vectors;
}

void restore_own_rows(Matrix& table, const WordSubwordRows& subwords, std::size_t input_dim) {
  Eigen::RowVectorXf ngrams(table.cols());
  for (WordId id = kFirstWordId; id < static_cast<WordId>(input_dim); ++id) {
    const std::span<const InputRow> rows = subwords.rows(id);
    ngrams.setZero();
    for (std::size_t i = 1; i < rows.size(); ++i) ngrams += table.row(rows[i]);
    table.row(id) = table.row(id) * static_cast<float>(rows.size()) - ngrams;
  }
}

std::uint64_t count_char_ngrams(const Vocabulary& vocabulary, CharNgramRange range) {
  std::uint64_t count = 0;
  for (WordId id = kFirstWordId; id < static_cast<WordId>(vocabulary.input_dim()); ++id)
    for_each_char_ngram(vocabulary.word(id), range, [&count](std::string_view) { ++count; });
  return count;
}

}  // namespace embedtool
