#include "embedtool/sequences/pad_vocabulary.h"

namespace embedtool {

TokenizerOptions pad_tokenizer_options(const TokenizerOptions& options,
                                       const GivenTokenizerOptions& given,
                                       const std::optional<PadVocabulary>& vocabulary) {
  if (!vocabulary || !vocabulary->tokenizer) return options;
  TokenizerOptions result = *vocabulary->tokenizer;
  if (given.lowercase) result.lowercase = options.lowercase;
  if (given.filter) result.filter_punctuation = options.filter_punctuation;
  if (given.filters) result.filters = options.filters;
  if (given.unicode_errors) result.unicode_errors = options.unicode_errors;
  return result;
}

}  // namespace embedtool
