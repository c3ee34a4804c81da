#pragma once
// A classifier built by hand, as `train --supervised` will save one: E, a head's W over the
// labels, the labels with their counts and the metadata, with values chosen so that the answer
// to each test line can be worked out on paper.
//
// Words (ids 2, 3, 4) and their rows of E (dimension 2; rows 0 and 1 are zero):
//   good (1, 0)   bad (−1, 0)   movie (0, 1)
// Labels (class = index, by count): __label__pos (3), __label__neg (2), __label__neu (1).
// The softmax head's W scores h = (x, y) as pos 4x, neg −4x, neu 4y, so "good" is pos
// (p = e^4 / (e^4 + e^−4 + 1) ≈ 0.9817), "bad" is neg, "movie" is neu.
#include <cmath>
#include <string>

#include "embedtool/model.h"
#include "embedtool/pipeline/settings_json.h"

namespace embedtool::classify_test {

inline EmbeddingModel word_model() {
  EmbeddingModel model;
  for (const char* word : {"good", "bad", "movie"}) model.vocabulary.add(word, 10);
  model.vectors = Matrix::Zero(5, 2);
  model.vectors.row(2) << 1, 0;
  model.vectors.row(3) << -1, 0;
  model.vectors.row(4) << 0, 1;
  model.metadata = {{"architecture", "skipgram"}, {"tokenizer", tokenizer_to_json({})}};
  return model;
}

inline EmbeddingModel softmax_classifier() {
  EmbeddingModel model = word_model();
  model.labels.add("__label__pos", 3);
  model.labels.add("__label__neg", 2);
  model.labels.add("__label__neu", 1);
  Matrix w(3, 2);
  w << 4, 0,  //
      -4, 0,  //
      0, 4;
  model.head = HeadWeights{"softmax", w};
  model.metadata = {{"architecture", "supervised"},
                    {"loss", "softmax"},
                    {"word_ngrams", 1},
                    {"tokenizer", tokenizer_to_json({})},
                    {"label_prefix", "__label__"}};
  return model;
}

// softmax(scores) of `index`, in double: what the tests expect.
inline double softmax_of(std::initializer_list<double> scores, std::size_t index) {
  double sum = 0;
  for (const double s : scores) sum += std::exp(s);
  return std::exp(*(scores.begin() + index)) / sum;
}

}  // namespace embedtool::classify_test
