#pragma once
// What a trained model is: the embedding matrix E (input_dim rows x output_dim columns, row i is
// the vector of id i), its vocabulary, free-form metadata (training settings, corpus size, tool
// version) kept as JSON, and optionally the head that training predicted with.
#include <optional>
#include <string>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "embedtool/vocabulary/label_set.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// Row-major so that a row (one word's vector) is contiguous: lookups copy rows, and the file
// stores the matrix row by row.
using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The output layer of inputs -> h -> head: W, one row per output, output_dim columns. Kept so
// that a model can go on predicting (a classifier is E and its head), not just look up vectors.
struct HeadWeights {
  // Which head laid the rows out ("softmax", "ns", "hs", ...). A free string here: the registry
  // of heads belongs to training, and storage only keeps the name (1 to 24 visible ASCII bytes).
  std::string kind;
  Matrix weights;  // W: rows as the head defines them, output_dim (= vectors.cols()) columns
};

// Input rows that belong to no word: a classifier's hashed word n-grams (kWordNgramsKind,
// training/line_input_rows.h) or a subword model's character n-grams (kCharNgramsKind,
// text/char_ngrams.h). During training they sit below E's rows in one input table; a model keeps
// them apart so that E stays one row per id. For character n-grams, E's rows are the words'
// whole vectors (each the mean of the word's own input row and its n-grams' rows, what
// fastText's .vec files hold), so that every reader of E gets them; the n-gram rows give words
// outside the vocabulary theirs. A classifier with subwords has char-ngrams rows that also hold
// its word n-grams (one table for both, as fastText's supervised model has).
struct BucketRows {
  // What the rows hold; the parameters that address them (word n-gram order, minn and maxn,
  // bucket count) are in the metadata's settings. A free string here, as HeadWeights::kind.
  std::string kind;
  Matrix rows;  // one row per bucket, output_dim (= vectors.cols()) columns
};
inline constexpr const char* kWordNgramsKind = "word-ngrams";
inline constexpr const char* kCharNgramsKind = "char-ngrams";

struct EmbeddingModel {
  Vocabulary vocabulary;        // vocabulary.input_dim() == vectors.rows()
  Matrix vectors;               // E
  nlohmann::json metadata = nlohmann::json::object();
  std::optional<HeadWeights> head;  // none for models read from other formats or trained without
  LabelSet labels;                  // a classifier's classes (head's rows); empty for word models
  // A classifier trained with --word-ngrams > 1 or a model with subwords (--minn, --maxn).
  std::optional<BucketRows> buckets;
};

}  // namespace embedtool
