#pragma once
// The key under which eval compares words case-insensitively: Unicode full case folding
// (CaseFolding.txt, as Python's str.casefold), without normalization. "Straße", "STRASSE" and
// "strasse" share the key "strasse".
//
// gensim's evaluate_word_pairs / evaluate_word_analogies (case_insensitive=True, the default)
// compare str.upper() forms instead. Both give the same classes of words on ASCII and on almost
// all other text; they part only where upper-casing merges what folding keeps apart, e.g. the
// dotless "ı" (upper "I", so gensim matches it with "i"; folding keeps it "ı").
#include <optional>
#include <string>
#include <string_view>

namespace embedtool {

// The folded form of `word`, or nullopt if it is not valid UTF-8.
std::optional<std::string> fold_case(std::string_view word);

}  // namespace embedtool
