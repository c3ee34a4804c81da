#pragma once
// Splits text into words the way Keras' Tokenizer / text_to_word_sequence does by default:
// lowercase (Unicode-aware, via utf8proc, like Python's str.lower), replace every character of
// `filters` by a separator, split on whitespace, drop empty tokens. UTF-8 characters are never
// split. Invalid UTF-8 is handled according to `unicode_errors`.
//
// Where embedtool differs from Keras:
// - Whitespace is more than " ": every ASCII and Unicode space or control character separates
//   words ("\r", "\v", "\f", NUL, U+00A0, U+3000, ...), see text/word_separators.h.
// - Lowercasing maps one code point to one (utf8proc_tolower): "İ" becomes "i", not "i" + U+0307,
//   and a final "Σ" becomes "σ", not "ς". Most text is unaffected.
// - Like Keras, no Unicode normalization: precomposed "é" and "e" + U+0301 are different words.
#include <array>
#include <cstdint>
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
  // Invalid bytes become U+FFFD exactly as with Python's errors="replace": one per invalid
  // byte, but one for a truncated sequence (a lead byte and some of its continuation bytes).
  replace,
  ignore,  // invalid bytes are dropped; the characters on both sides join into one word
};

struct TokenizerOptions {
  bool lowercase = true;
  bool filter_punctuation = true;
  // Used when filter_punctuation. As in Keras, filters apply to the lowercased text: with
  // lowercasing on, the filter "e" also splits at "E", and the filter "E" matches nothing.
  std::string filters = std::string(kKerasDefaultFilters);
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
  // Throws UsageError if `options.filters` is not valid UTF-8.
  explicit Tokenizer(TokenizerOptions options = {});

  // Calls `on_token` for each token of `line`, in order. The string_view is only valid during
  // the call. Throws Error on invalid UTF-8 when unicode_errors is strict, naming the absolute
  // byte offset (where.line_offset + offset in `line`) of the first invalid byte.
  // Thread-safe: concurrent calls on one Tokenizer share nothing mutable.
  void for_each_token(std::string_view line, const TextLocation& where,
                      const std::function<void(std::string_view)>& on_token) const;

  std::vector<std::string> tokenize(std::string_view line, const TextLocation& where = {}) const;

  const TokenizerOptions& options() const { return options_; }

 private:
  bool is_separator(char32_t code_point) const;

  TokenizerOptions options_;
  std::array<std::uint8_t, 256> byte_class_{};  // how each byte value is handled, see .cpp
  std::u32string non_ascii_filters_;            // code points >= 128 in `filters`
};

}  // namespace embedtool
