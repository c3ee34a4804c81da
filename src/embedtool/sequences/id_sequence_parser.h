#pragma once
// Parses a line of whitespace-separated integer ids ("3 17 0 5").
#include <string_view>

#include "embedtool/errors.h"
#include "embedtool/sequences/padding.h"
#include "embedtool/text/tokenizer.h"

namespace embedtool {

// A token that is not a number at all ("The"): for pad, a sign that the lines are text and want
// --vocab, which the caller can say.
class NotAnIdError : public Error {
 public:
  using Error::Error;
};

// Throws Error (NotAnIdError when it is not an integer) naming the location and the offending token when a token is not a base-10
// integer or does not fit in 64 bits. Negative ids are accepted here (pad's --value may be
// negative); callers that index E check the range themselves.
Sequence parse_id_sequence(std::string_view line, const TextLocation& where);

}  // namespace embedtool
