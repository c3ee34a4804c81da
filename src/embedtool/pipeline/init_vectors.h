#pragma once
// `train --init VECTORS`: E starts from pretrained vectors for the words the vocabulary shares
// with them, and from the usual random values for the rest.
#include <cstddef>
#include <string>

#include "embedtool/model.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

// Copies into `input` (E, a row per id of `vocabulary`) the row of `pretrained` for each
// vocabulary word it has. Words are matched by spelling, exactly (no case folding): the two
// vocabularies number their words differently. Returns how many rows were copied. Throws Error
// naming `source_name` if the vector sizes differ or a copied vector is not finite (training
// would diverge from it at once).
std::size_t copy_rows_by_word(const EmbeddingModel& pretrained, const std::string& source_name,
                              const Vocabulary& vocabulary, Matrix& input);

}  // namespace embedtool
