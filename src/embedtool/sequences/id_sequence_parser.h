#pragma once
// Parses a line of whitespace-separated integer ids ("3 17 0 5").
#include <string_view>

#include "embedtool/sequences/padding.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

// Throws Error naming the location and the offending token when a token is not a base-10
// integer or does not fit in 64 bits. Negative ids are accepted here (pad's --value may be
// negative); callers that index E check the range themselves.
Sequence parse_id_sequence(std::string_view line, const TextLocation& where);

}  // namespace embedtool
