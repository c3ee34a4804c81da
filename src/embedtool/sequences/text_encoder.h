#pragma once
// Text -> ids: tokenizes a line and maps each token through the vocabulary (unknown -> 1).
#include <string_view>

#include "embedtool/sequences/padding.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

Sequence encode_text(std::string_view line, const Tokenizer& tokenizer,
                     const Vocabulary& vocabulary, const TextLocation& where = {});

}  // namespace embedtool
