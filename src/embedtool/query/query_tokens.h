#pragma once
// How a lookup query line splits into its queries: at ASCII whitespace only. Queries are model
// words, which may hold any other byte (punctuation, Unicode spaces, invalid UTF-8), so the
// tokenizer's rules (text/tokenizer.h) must not apply here.
#include <string>
#include <vector>

namespace embedtool {

// Splits `text` at runs of ASCII whitespace (" \t\n\r\v\f"), appending the non-empty pieces to
// `tokens`.
void split_tokens(const std::string& text, std::vector<std::string>& tokens);

}  // namespace embedtool
