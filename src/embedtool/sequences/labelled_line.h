#pragma once
// A line of fastText's supervised format: its labels are the whitespace-separated tokens that
// start with a prefix ("__label__" by default), anywhere in the line and as many as it has; the
// rest is the text, for the tokenizer. Labels are taken before tokenizing, since the tokenizer's
// filters would cut them up ("__label__pos" has underscores, which Keras' filters drop).
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

inline constexpr std::string_view kDefaultLabelPrefix = "__label__";

// Fills `labels` with the label tokens of `line` (views into it, in order, repeats kept) and
// `text` with the line without them (each label replaced by one space, so the words around it
// stay apart). Tokens are separated by ASCII spaces, tabs, vertical tabs, form feeds and
// carriage returns, as fastText reads them. A token that is exactly the prefix is a label too
// (fastText keeps it; a test file may use it). `prefix` must not be empty.
void split_labels(std::string_view line, std::string_view prefix,
                  std::vector<std::string_view>& labels, std::string& text);

}  // namespace embedtool
