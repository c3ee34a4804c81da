#pragma once
// What every reader of a foreign format (all but .emb) is told.
#include <cstdint>
#include <optional>

#include "embedtool/text/tokenizer.h"

namespace embedtool {

struct ForeignReadOptions {
  // Read only the first N words (files are usually sorted by frequency); the rest of the file
  // is not read at all.
  std::optional<std::uint64_t> limit;
  // What to do with words that are not valid UTF-8 (word_text.h).
  UnicodeErrors unicode_errors = UnicodeErrors::strict;
  // A fastText .bin's character n-gram rows, kept as the model's bucket rows (model.h) so that
  // the model still gives unseen words vectors; false when only the words' vectors are wanted
  // (they can be most of the file: 2.4 GB of cc.en.300.bin's 7 GB).
  bool char_ngram_rows = true;
};

}  // namespace embedtool
