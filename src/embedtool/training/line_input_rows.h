#pragma once
// A classifier's inputs for one line of text (fastText's supervised model): the rows of its
// vocabulary words, then, with word n-grams, one row per run of 2..n consecutive words, hashed
// into a fixed number of bucket rows that sit below E's rows in the input table. h is their mean
// (input_step.h). Training, predict, test and sentence vectors all take a line's rows from here,
// so they cannot disagree on them.
//
// fastText hashes the n-grams' word strings; here each word's id is hashed instead. That needs
// no strings in the trainer, and it loses nothing the model could use: a word below the minimum
// count is the unknown id in both training and prediction, and an n-gram through a word never
// seen in training has no trained row in either scheme.
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/training/input_step.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct LineInputShape {
  std::size_t input_dim = 0;  // E's rows; word ids are below it
  int word_ngrams = 1;        // the longest n-gram, in words; 1: the words alone
  // Bucket rows input_dim .. input_dim + buckets − 1 hold the n-grams (word_ngrams > 1 only).
  std::uint64_t buckets = 0;

  // Rows of the whole input table: E's and the buckets in use.
  std::uint64_t table_rows() const { return input_dim + (word_ngrams > 1 ? buckets : 0); }
};

// Appends the input rows of `words` (a line's ids as the TextEncoder gives them) to `rows`:
// each word with an id >= kFirstWordId in order, then, when shape.word_ngrams > 1 and
// shape.buckets > 0, the bucket of every n-gram of 2..word_ngrams consecutive ids (fastText's
// order: all n-grams starting at the first word, then the second, ...). Unknown words (kUnknownId)
// have no row of their own but take part in n-grams with a known word ("good <unk>"); an n-gram
// of unknown words alone is left out, since every such n-gram of a length hashes alike and says
// nothing about the line. Padding (kPaddingId) is skipped entirely.
// Ids must be below shape.input_dim (the caller checks).
void append_line_input_rows(std::span<const WordId> words, const LineInputShape& shape,
                            std::vector<InputRow>& rows);

}  // namespace embedtool
