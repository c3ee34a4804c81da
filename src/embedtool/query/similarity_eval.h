#pragma once
// Word-similarity evaluation: how well the cosine similarity of two words' vectors ranks word
// pairs the way people scored them (Spearman's rho), over the pairs whose words the model knows.
#include <cstddef>
#include <limits>
#include <optional>
#include <span>

#include "embedtool/model.h"
#include "embedtool/query/subword_vector_of.h"
#include "embedtool/query/word_pairs_file.h"

namespace embedtool {

struct SimilarityResult {
  std::size_t pairs = 0;    // in the file
  std::size_t used = 0;     // both words known: these are ranked
  std::size_t skipped = 0;  // a word unknown to the model
  // Used pairs with a word the model knows only through its character n-grams (a fastText
  // .bin's unseen words, scored as fastText scores them).
  std::size_t through_subwords = 0;
  // Spearman's rho between the human scores and the cosines of the used pairs; NaN when fewer
  // than two pairs were used or either side is constant.
  double spearman = std::numeric_limits<double>::quiet_NaN();

  double skipped_share() const {
    return pairs == 0 ? 0.0 : static_cast<double>(skipped) / static_cast<double>(pairs);
  }
};

// Words are found case-insensitively (case_insensitive_index.h) among all the model's words;
// a word not among them gets `subword_of`'s vector when it gives one (a model with character
// n-gram rows), and the pair is skipped otherwise. Cosines are computed in double precision from
// the stored float vectors, so near-equal similarities rank the same on every build; a zero
// vector has cosine 0 with everything.
SimilarityResult evaluate_similarity(const EmbeddingModel& model, std::span<const WordPair> pairs,
                                     const SubwordVectorOf& subword_of = {});

}  // namespace embedtool
