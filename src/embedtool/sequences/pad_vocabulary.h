#pragma once
// The words-to-ids map of `pad --vocab`, and the tokenizer pad splits text with. A model (.emb)
// trained by embedtool also stores how its corpus was tokenized: pad tokenizes the same way, so
// that words map to the rows they trained, except for the options the user gave explicitly.
// (Reading the file, a vocab file or a model, is pipeline/pad_vocabulary_file.h: models are the
// storage layer's.)
#include <optional>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct PadVocabulary {
  Vocabulary vocabulary;
  std::optional<TokenizerOptions> tokenizer;  // from the model's metadata, when it has them
};

// Which tokenizer options were given (command line or --config), as opposed to left at their
// defaults: only those win over the settings stored in a model.
struct GivenTokenizerOptions {
  bool lowercase = false;
  bool filter = false;
  bool filters = false;
  bool unicode_errors = false;
};

// The model's tokenizer settings with the given ones of `options` put over them; `options`
// itself when there is no vocabulary or it stores no tokenizer (a vocab file).
TokenizerOptions pad_tokenizer_options(const TokenizerOptions& options,
                                       const GivenTokenizerOptions& given,
                                       const std::optional<PadVocabulary>& vocabulary);

}  // namespace embedtool
