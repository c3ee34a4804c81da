#include "embedtool/pipeline/rows_from_vocabulary.h"

#include "embedtool/pipeline/row_spread.h"
#include "embedtool/training/random.h"

namespace embedtool {

RowsFromResult rows_from_vocabulary(const EmbeddingModel& pretrained, Vocabulary vocabulary,
                                    const RowsFromOptions& options) {
  RowsFromResult result;
  const auto rows = static_cast<Eigen::Index>(vocabulary.input_dim());
  result.model.vectors = Matrix::Zero(rows, pretrained.vectors.cols());
  for (Eigen::Index id = kFirstWordId; id < rows; ++id) {
    const std::optional<WordId> source = pretrained.vocabulary.id_of(vocabulary.word(id));
    if (source) {
      result.model.vectors.row(id) = pretrained.vectors.row(static_cast<Eigen::Index>(*source));
    } else {
      result.missing.push_back(id);
    }
  }
  if (options.missing == MissingRows::random && !result.missing.empty()) {
    // Stand-ins with the spread of the pretrained rows, per component, as the Kaggle kernels
    // that popularised this recipe do (one normal(mean, std) of all values; ours per column).
    // Such a row has on average the norm of a real one, so a frozen layer sees an ordinary, if
    // meaningless, word: Keras' default uniform ±0.05 would be a near-zero row beside GloVe's
    // (a deviation of about 0.5 in glove.840B.300d), and a wider draw would drown sums and
    // averages. All the pretrained words count, not only those found: the spread describes the
    // vector space, and so does not change with the vocabulary.
    const RowSpread spread = spread_of_rows(pretrained.vectors, kFirstWordId);
    Random random(options.seed);
    for (const WordId id : result.missing) result.model.vectors.row(id) = draw_row_like(spread, random);
  }
  result.model.vocabulary = std::move(vocabulary);
  return result;
}

}  // namespace embedtool
