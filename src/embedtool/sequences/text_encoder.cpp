#include "embedtool/sequences/text_encoder.h"

namespace embedtool {

TextEncoder::TextEncoder(const Tokenizer& tokenizer, const Vocabulary& vocabulary)
    : tokenizer_(tokenizer), words_(vocabulary) {}

Sequence TextEncoder::encode(std::string_view line, const TextLocation& where) const {
  Sequence ids;
  append_ids(line, where, ids);
  return ids;
}

}  // namespace embedtool
