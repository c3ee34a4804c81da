#pragma once
// A classifier's inputs for one line of text (fastText's supervised model): the rows of its
// words, then, with word n-grams, one row per run of 2..n consecutive words, hashed into a fixed
// number of bucket rows that sit below E's rows in the input table. h is their mean
// (input_step.h). Training, predict, test and sentence vectors all take a line's rows from here,
// so they cannot disagree on them.
//
// With subwords (--minn, --maxn) a word's rows are its own and those of its character n-grams
// (text/char_ngrams.h), in the same buckets as the word n-grams, as fastText's supervised model
// shares them: row input_dim + (hash % buckets) for either kind. A word the vocabulary lacks
// then still has its n-grams' rows, which is what makes a typo or an unseen inflection count.
//
// fastText hashes the word n-grams' word strings; here each word's id is hashed instead. That
// needs no strings in the trainer, and it loses nothing the model could use: a word below the
// minimum count is the unknown id in both training and prediction, and an n-gram through a word
// never seen in training has no trained row in either scheme.
//
// Words below --min-count: the trainer reads ids, so such a word is the unknown id there and
// brings no rows of its own, not even its character n-grams (fastText, which reads strings,
// gives it its n-grams; its supervised default min count is 1, as embedtool's, so by default
// every training word is in the vocabulary and the two agree). Predict, test and --validation
// read text, so there an unknown word does bring its n-grams (append_word_input_rows).
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "embedtool/text/char_ngrams.h"
#include "embedtool/training/input_step.h"
#include "embedtool/training/word_subword_rows.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct LineInputShape {
  std::size_t input_dim = 0;  // E's rows; word ids are below it
  int word_ngrams = 1;        // the longest n-gram, in words; 1: the words alone
  // Bucket rows input_dim .. input_dim + buckets − 1 hold the n-grams (has_buckets() only).
  std::uint64_t buckets = 0;
  // Each word's character n-grams of minn..maxn characters; maxn 0: none.
  CharNgramRange char_ngrams{};

  bool has_char_ngrams() const { return char_ngrams.maxn > 0; }
  bool has_buckets() const { return word_ngrams > 1 || has_char_ngrams(); }
  // Rows of the whole input table: E's and the buckets in use.
  std::uint64_t table_rows() const { return input_dim + (has_buckets() ? buckets : 0); }
};

// Appends the input rows of `words` (a line's ids as the TextEncoder gives them) to `rows`:
// each word with an id >= kFirstWordId in order (with subwords: subwords->rows(id), its own row
// then its n-grams'), then the word n-grams (append_word_ngram_rows). Unknown words
// (kUnknownId) have no row of their own; padding (kPaddingId) is skipped entirely.
// Ids must be below shape.input_dim (the caller checks). `subwords` must be given, built for the
// same buckets, exactly when shape.has_char_ngrams() (std::logic_error otherwise): the trainer
// computes every word's n-gram rows once, not at every line.
void append_line_input_rows(std::span<const WordId> words, const LineInputShape& shape,
                            std::vector<InputRow>& rows,
                            const WordSubwordRows* subwords = nullptr);

// One word of a line read as text (predict, test, sentence vectors), `id` its id (kUnknownId
// when the vocabulary lacks it): its own row if it has one, then, with subwords, the buckets of
// the n-grams of "<word>", for a word outside the vocabulary too (fastText's getLine). For a
// vocabulary word these are the rows append_line_input_rows gives it. Padding has none.
void append_word_input_rows(WordId id, std::string_view word, const LineInputShape& shape,
                            std::vector<InputRow>& rows);

// The line's word n-grams, when shape.word_ngrams > 1 and shape.buckets > 0: the bucket of
// every n-gram of 2..word_ngrams consecutive ids (fastText's order: all n-grams starting at the
// first word, then the second, ...). Unknown words take part in n-grams with a known word
// ("good <unk>"); an n-gram of unknown words alone is left out, since every such n-gram of a
// length hashes alike and says nothing about the line. Padding is skipped.
void append_word_ngram_rows(std::span<const WordId> words, const LineInputShape& shape,
                            std::vector<InputRow>& rows);

}  // namespace embedtool
