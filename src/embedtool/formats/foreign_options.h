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
};

}  // namespace embedtool
