#pragma once
// A subword model's inputs for each vocabulary word (fastText's skip-gram and CBOW with --minn
// and --maxn): the word's own row of E, then one bucket row per character n-gram of "<word>"
// (text/char_ngrams.h), the buckets numbered below E's rows in the input table. Computed once
// for the whole vocabulary before training, as fastText's dictionary does, so that a step only
// reads a list: hashing the n-grams of every word at every position would cost more than the
// step itself.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/text/char_ngrams.h"
#include "embedtool/training/input_step.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class WordSubwordRows {
 public:
  // Bucket b of an n-gram is row vocabulary.input_dim() + b of the input table.
  WordSubwordRows(const Vocabulary& vocabulary, CharNgramRange range, std::uint64_t buckets);

  // The input rows of word `id` (>= kFirstWordId): the word's row first, then its n-grams' in
  // fastText's order, repeats kept. Empty for the reserved ids.
  std::span<const InputRow> rows(WordId id) const {
    const auto index = static_cast<std::size_t>(id);
    return {rows_.data() + starts_[index], rows_.data() + starts_[index + 1]};
  }

 private:
  std::vector<std::uint64_t> starts_;  // rows of id i: rows_[starts_[i] .. starts_[i + 1])
  std::vector<InputRow> rows_;
};

// The words' vectors of a trained subword model: row i (i >= kFirstWordId) the mean of the
// table's rows subwords.rows(i), as fastText's getWordVector; the reserved rows as in the table.
// `table` holds E's input_dim rows, then the buckets.
Matrix subword_word_vectors(const Matrix& table, const WordSubwordRows& subwords,
                            std::size_t input_dim);

// The inverse of subword_word_vectors, in place: `table` holds the words' vectors (rows below
// input_dim) then the bucket rows; each word's row i becomes its own input row again,
// (1 + n)·v_i − Σ of its n n-gram rows, since v_i is the mean of the two. A classifier, whose
// line's rows are the words' own and their n-grams' (line_input_rows.h), needs them; its file
// keeps v, what `lookup` reads. Exact up to float rounding (about 1e-7 of the rows' scale,
// times n).
void restore_own_rows(Matrix& table, const WordSubwordRows& subwords, std::size_t input_dim);

// The character n-grams of all the vocabulary's words, repeats counted: a bound on the distinct
// n-grams a subword model has to hold (resolve_settings sizes its buckets from it).
std::uint64_t count_char_ngrams(const Vocabulary& vocabulary, CharNgramRange range);

}  // namespace embedtool
