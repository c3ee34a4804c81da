#pragma once
// `pad --vocab FILE`: the words to ids map of a `vocab` file, or of a model (.emb), so that the
// ids pad writes are exactly the rows of that model's E. A model trained by embedtool also
// stores how its corpus was tokenized; pad tokenizes the same way unless told otherwise.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool::cli {

struct PadVocabulary {
  Vocabulary vocabulary;
  std::optional<TokenizerOptions> tokenizer;  // from the model's metadata, when it has them
};

// A model is told from a vocab file by its first bytes (the .emb magic), whatever its name; only
// a regular file can be a model (pipes are read as vocab files).
// Throws Error naming the file when it cannot be read.
PadVocabulary read_pad_vocabulary(const std::string& path);

}  // namespace embedtool::cli
