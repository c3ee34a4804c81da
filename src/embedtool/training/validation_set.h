#pragma once
// A classifier's held-out examples (`train --validation`), encoded once as word ids and scored on
// the weights at the end of each epoch, through the input rows (line_input_rows.h) of the run's
// shape (autotune's trials differ in n-grams and buckets). The score is
// `embedtool test`'s accuracy (classify/test_metrics.h): the share of examples whose single best
// label is one of theirs. An example counts, and is missed, when none of its labels is one the
// model has or when none of its words gives an input row: the kept epoch's accuracy is then what
// `embedtool test` reports on the same file.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/training/class_id.h"
#include "embedtool/training/head.h"
#include "embedtool/training/input_step.h"
#include "embedtool/training/line_input_rows.h"

namespace embedtool {

class ValidationSet {
 public:
  // One labelled example: its words' ids as the TextEncoder gives them (possibly none) and those
  // of its labels the model has (possibly none); and, for a model with subwords, the words
  // themselves (`tokens`, one per id), whose character n-grams are rows of the line even when
  // the vocabulary lacks the word, as in `embedtool test`.
  void add(std::span<const WordId> words, std::span<const ClassId> labels,
           std::span<const std::string_view> tokens = {});

  std::uint64_t examples() const { return offsets_.size(); }

  // The share of examples whose best class under `head` (highest log-probability; the lowest
  // class among equals) is one of their labels; `input` the table `shape` describes (word ids
  // must be below shape.input_dim). NaN without examples. With shape.has_char_ngrams(), every
  // example must have been added with its tokens (std::logic_error otherwise).
  double accuracy(const Matrix& input, const LineInputShape& shape, Head& head) const;

 private:
  struct Offsets {
    std::size_t words_end;
    std::size_t labels_end;
  };
  // The input rows of the example whose words are words_[first .. first + ids.size()).
  void append_rows(std::span<const WordId> ids, std::size_t first, const LineInputShape& shape,
                   std::vector<InputRow>& rows) const;

  std::vector<WordId> words_;     // every example's words, one after the other
  // The words' text, one after the other; word i is token_text_[token_ends_[i − 1] ..
  // token_ends_[i]) (empty for words added without their tokens).
  std::string token_text_;
  std::vector<std::size_t> token_ends_;
  bool all_tokens_ = true;  // every example came with its tokens
  std::vector<ClassId> labels_;   // every example's labels, one after the other
  std::vector<Offsets> offsets_;  // where each example's words and labels end
};

}  // namespace embedtool
