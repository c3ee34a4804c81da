#pragma once
// Text -> ids, the one way every command does it (pad --vocab, train): each token of the
// tokenizer mapped to its vocabulary id, unknown words to kUnknownId. The lookups go through a
// WordIdTable, the fast table the trainer needs (every token of every epoch is looked up), so
// that pad and train cannot disagree on a word's id.
#include <string_view>

#include "embedtool/sequences/padding.h"
#include "embedtool/sequences/word_id_table.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class TextEncoder {
 public:
  // The tokenizer must outlive the encoder; the vocabulary's words are copied into the table.
  // Throws Error for vocabularies of 2^31 words or more.
  TextEncoder(const Tokenizer& tokenizer, const Vocabulary& vocabulary);

  // Appends the ids of the tokens of `text` to `ids`. `where` names the text in the tokenizer's
  // errors (invalid UTF-8). Thread-safe: the trainer's threads share one encoder.
  void append_ids(std::string_view text, const TextLocation& where, Sequence& ids) const {
    tokenizer_.for_each_token(
        text, where, [&](std::string_view word) { ids.push_back(words_.id_or_unknown(word)); });
  }

  // The id of one token (kUnknownId for a word outside the vocabulary).
  WordId id_of(std::string_view word) const { return words_.id_or_unknown(word); }

  // The ids of one line.
  Sequence encode(std::string_view line, const TextLocation& where = {}) const;

 private:
  const Tokenizer& tokenizer_;
  WordIdTable words_;
};

}  // namespace embedtool
