#pragma once
// Splits text into words the way Keras' Tokenizer / text_to_word_sequence does by default:
// lowercase (Unicode-aware, via utf8proc, like Python's str.lower), replace every character of
// `filters` by a separator, split on whitespace, drop empty tokens. UTF-8 characters are never
// split. Invalid UTF-8 is handled according to `unicode_errors`.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace embedtool {

// Keras' default `filters`: ASCII punctuation plus tab and newline. The apostrophe is not in it,
// so "don't" stays one word, as in Keras.
inline constexpr std::string_view kKerasDefaultFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

enum class UnicodeErrors {
  strict,   // invalid UTF-8 is an Error naming the line and byte offset
  replace,  // each invalid byte becomes U+FFFD, as Python's errors="replace"
  ignore,   // invalid bytes are dropped
};

struct TokenizerOptions {
  bool lowercase = true;
  bool filter_punctuation = true;
  std::string filters = std::string(kKerasDefaultFilters);  // used when filter_punctuation
  UnicodeErrors unicode_errors = UnicodeErrors::strict;
};

// Where a line came from, for error messages.
struct TextLocation {
  std::string_view source;   // file name
  std::uint64_t line = 0;    // 1-based; 0 = unknown
  std::uint64_t line_offset = 0;  // byte offset of the line's start in the source
};

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerOptions options = {});

  // Calls `on_token` for each token of `line`, in order. The string_view is only valid during
  // the call. Throws Error on invalid UTF-8 when unicode_errors is strict.
  void for_each_token(std::string_view line, const TextLocation& where,
                      const std::function<void(std::string_view)>& on_token) const;

  std::vector<std::string> tokenize(std::string_view line, const TextLocation& where = {}) const;

  const TokenizerOptions& options() const { return options_; }

 private:
  TokenizerOptions options_;
  std::vector<bool> is_filter_ascii_;  // 128 entries: ASCII chars in `filters`
  std::u32string non_ascii_filters_;   // code points >= 128 in `filters`
};

}  // namespace embedtool
