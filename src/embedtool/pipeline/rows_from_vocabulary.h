#pragma once
// `convert VECTORS OUT --rows-from VOCAB`: the Keras "pretrained embeddings" matrix. Row i of E
// is the pretrained vector of the word with id i in *my* vocabulary (a `vocab` file or a
// model's), so that the ids `pad --vocab` writes index it and E can be fed to
// `Embedding(input_dim, output_dim, weights=[E], trainable=False)` as it is.
#include <cstdint>
#include <string>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// The row of a vocabulary word that the pretrained vectors lack.
enum class MissingRows {
  zero,    // the Keras blog's choice: the word contributes nothing
  random,  // drawn with the spread of the pretrained rows (row_spread.h), seeded
};

struct RowsFromOptions {
  MissingRows missing = MissingRows::zero;
  std::uint64_t seed = 1;  // for MissingRows::random
};

struct RowsFromResult {
  // The vocabulary given, and E with its input_dim() rows and the pretrained vectors' columns.
  // The reserved rows (<pad> and <unk>) are zero, as `train` leaves them.
  EmbeddingModel model;
  // The ids whose word the pretrained vectors lack, ascending (so the most frequent first in a
  // vocabulary ordered by count).
  std::vector<WordId> missing;

  std::size_t found() const { return model.vocabulary.word_count() - missing.size(); }
};

// Words are matched by spelling, exactly (no case folding), as `train --init` matches them: the
// two files number their words differently. The pretrained vectors' reserved rows are never
// copied, and `pretrained`'s own words beyond the vocabulary's are left out. Values are copied
// as they are (convert keeps values exactly).
RowsFromResult rows_from_vocabulary(const EmbeddingModel& pretrained, Vocabulary vocabulary,
                                    const RowsFromOptions& options = {});

}  // namespace embedtool
