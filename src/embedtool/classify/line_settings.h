#pragma once
// How a model turns a line of text into input rows, read from what the model stores: the
// tokenizer its corpus was split with, the prefix that marks a classifier's labels, and the word
// n-grams whose bucket rows sit below E. Predict, test and sentence vectors all read them here,
// so that they split a line exactly as training did.
#include <optional>
#include <string>

#include "embedtool/model.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/line_input_rows.h"

namespace embedtool {

struct LineSettings {
  // The metadata's "tokenizer"; Keras' defaults for a model that stores none (vectors read from
  // other formats), as `pad --vocab` does.
  TokenizerOptions tokenizer;
  // A classifier's "label_prefix" (kDefaultLabelPrefix when not stored): label tokens are taken
  // out of a line before its text is tokenized, as training did. Unset for word models, whose
  // lines have no labels.
  std::optional<std::string> label_prefix;
  // input_dim = E's rows; word_ngrams from the metadata (1 when not stored); buckets = the
  // model's bucket rows that a line's rows reach (0 without them, and for a word model's
  // character n-grams, which stand for unseen words instead); a classifier's char_ngrams from
  // the metadata's minn and maxn when its bucket rows are "char-ngrams".
  LineInputShape shape;
};

// Throws Error naming `source` when the stored settings are unusable: a tokenizer or prefix of
// the wrong type, bucket rows of an unknown kind or of another width than E, a bucket count
// that differs from the metadata's "buckets", or word_ngrams > 1 without any bucket rows, or a
// classifier's character n-gram rows without a usable minn and maxn.
LineSettings line_settings_of(const EmbeddingModel& model, const std::string& source);

}  // namespace embedtool
