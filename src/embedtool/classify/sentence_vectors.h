#pragma once
// The vector of a line of text, for any model: h, the mean of the line's input rows, exactly as
// a training step forms it (training/input_step.h, line_input_rows.h). For a word model that is
// the mean of its words' rows; for a classifier, of its words' and word n-grams' rows, with its
// labels taken out first. Predict and test score this h, and `lookup --sentence` prints it, so
// that a sentence vector is always what the classifier sees. A word model's word outside the
// vocabulary counts as one more word, its vector the mean of its character n-grams' rows (as
// `lookup` gives it: storage/char_ngram_vectors.h). A classifier with subwords gives every word,
// known or not, the rows of its character n-grams among the line's rows, as training did.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/classify/line_settings.h"
#include "embedtool/model.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/char_ngrams.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/input_step.h"

namespace embedtool {

class SentenceVectors {
 public:
  // Takes E and the bucket rows out of `model` (E is moved and grown in place, not copied) and
  // leaves the rest of it (vocabulary, labels, head, metadata). `source` names the model in
  // errors. Throws Error as line_settings_of does.
  SentenceVectors(EmbeddingModel& model, const std::string& source);
  // The tokenizer is referred to by the encoder: the object stays where it was built.
  SentenceVectors(const SentenceVectors&) = delete;
  SentenceVectors& operator=(const SentenceVectors&) = delete;

  std::size_t dims() const { return static_cast<std::size_t>(table_.cols()); }
  const LineSettings& settings() const { return settings_; }

  // Splits `line` into its labels (a classifier's; views into `line`, in order, repeats kept)
  // and its text, and writes the mean of the text's input rows into `h` (dims() floats).
  // Returns false, leaving `h` as it was, when the text has no input row: no word the model
  // knows (and no n-gram of unknown words, which are hashed too). `where` names the line in
  // the tokenizer's errors (invalid UTF-8). Not thread-safe: the buffers are reused per line.
  bool encode(std::string_view line, const TextLocation& where, std::vector<std::string_view>& labels,
              std::span<float> h);

  // The input rows of the last line encode() read (for tests and diagnostics).
  std::span<const InputRow> last_rows() const { return rows_; }

 private:
  // A subword word model's encode(): the mean of its words' vectors, seen or not.
  bool encode_with_subwords(std::string_view text, const TextLocation& where, std::span<float> h);

  LineSettings settings_;
  Tokenizer tokenizer_;
  TextEncoder encoder_;
  Matrix table_;  // [E; bucket rows]: the input table training read a line's rows from
  // A subword word model's character n-grams and their rows (unset, empty: a model without
  // them, or a classifier, whose n-gram rows are in table_).
  std::optional<CharNgramRange> char_ngrams_;
  Matrix char_ngram_rows_;
  Eigen::RowVectorXf sum_;
  std::string text_;
  Sequence ids_;
  std::vector<InputRow> rows_;
};

}  // namespace embedtool
