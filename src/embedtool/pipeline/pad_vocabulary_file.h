#pragma once
// Reading the file of `pad --vocab FILE`: a `vocab` file, or a model (.emb), so that the ids pad
// writes are exactly the rows of that model's E, together with the tokenizer settings the model
// stores (sequences/pad_vocabulary.h says how pad uses them). Here rather than in sequences/
// because models are read by the storage layer.
#include <string>

#include "embedtool/sequences/pad_vocabulary.h"

namespace embedtool {

// A model is told from a vocab file by its first bytes (the .emb magic), whatever its name; only
// a regular file can be a model (pipes are read as vocab files).
// Throws Error naming the file when it cannot be read.
PadVocabulary read_pad_vocabulary(const std::string& path);

}  // namespace embedtool
