#include "embedtool/sequences/text_encoder.h"

namespace embedtool {

Sequence encode_text(std::string_view line, const Tokenizer& tokenizer,
                     const Vocabulary& vocabulary, const TextLocation& where) {
  Sequence ids;
  tokenizer.for_each_token(line, where, [&](std::string_view token) {
    ids.push_back(vocabulary.id_or_unknown(token));
  });
  return ids;
}

}  // namespace embedtool
