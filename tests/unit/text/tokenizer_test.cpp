#include "embedtool/text/tokenizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embedtool/errors.h"

using embedtool::Tokenizer;
using embedtool::TokenizerOptions;
using Tokens = std::vector<std::string>;

namespace {

Tokens tokens(std::string_view line, TokenizerOptions options = {}) {
  return Tokenizer(std::move(options)).tokenize(line);
}

TokenizerOptions with_filters(std::string_view filters) {
  TokenizerOptions options;
  options.filters = std::string(filters);
  return options;
}

}  // namespace

TEST_CASE("default options lowercase, drop punctuation and split on spaces") {
  CHECK(tokens("Hello, World! This is a TEST.") ==
        Tokens{"hello", "world", "this", "is", "a", "test"});
  CHECK(tokens("  many   spaces  ") == Tokens{"many", "spaces"});
  CHECK(tokens("") == Tokens{});
  CHECK(tokens(" ,.;! ") == Tokens{});
}

TEST_CASE("the apostrophe is not a filter: contractions stay whole") {
  CHECK(tokens("Don't stop, it's rock'n'roll") == Tokens{"don't", "stop", "it's", "rock'n'roll"});
}

TEST_CASE("every character of the Keras filters separates words") {
  std::string line = "w";
  for (char filter : embedtool::kKerasDefaultFilters) line += std::string(1, filter) + "w";
  CHECK(tokens(line) == Tokens(embedtool::kKerasDefaultFilters.size() + 1, "w"));
  CHECK(tokens("state-of-the-art e-mail@host.com") ==
        Tokens{"state", "of", "the", "art", "e", "mail", "host", "com"});
}

TEST_CASE("uppercase ASCII inside a word and in long words is lowercased") {
  CHECK(tokens("camelCase iPhone XML") == Tokens{"camelcase", "iphone", "xml"});
  const std::string long_upper(300, 'Q');
  CHECK(tokens("x " + long_upper + " y") == Tokens{"x", std::string(300, 'q'), "y"});
}

TEST_CASE("multi-byte characters are kept whole") {
  CHECK(tokens("café crème brûlée") == Tokens{"café", "crème", "brûlée"});
  CHECK(tokens("Straße") == Tokens{"straße"});
  CHECK(tokens("日本語のテキスト 日本") == Tokens{"日本語のテキスト", "日本"});
  CHECK(tokens("I love 🐱!") == Tokens{"i", "love", "🐱"});
  // A ZWJ sequence and a variation selector are one word with their emoji.
  CHECK(tokens("👩‍💻 ❤️") == Tokens{"👩‍💻", "❤️"});
  // Combining marks stay with their base letter; no normalization to precomposed forms.
  CHECK(tokens("e\u0301cole E\u0301COLE") == Tokens{"e\u0301cole", "e\u0301cole"});
}

TEST_CASE("uppercase non-ASCII letters are lowercased") {
  CHECK(tokens("ÉLAN Äpfel ΣΟΦΙΑ Москва") == Tokens{"élan", "äpfel", "σοφια", "москва"});
  CHECK(tokens("ß ẞ") == Tokens{"ß", "ß"});
  // As Python's str.lower: İ becomes "i" + U+0307, and Σ at the end of a word becomes ς.
  CHECK(tokens("ΟΔΟΣ İstanbul") == Tokens{"οδος", "i\u0307stanbul"});
  CHECK(tokens("ΣΟΣ,Σ ΑΣ2") == Tokens{"σος", "σ", "ας2"});
}

TEST_CASE("ASCII and Unicode whitespace and control characters separate words") {
  CHECK(tokens("a\rb\vc\fd\te\nf") == Tokens{"a", "b", "c", "d", "e", "f"});
  CHECK(tokens(std::string("nul\0inside", 10)) == Tokens{"nul", "inside"});
  CHECK(tokens("bell\x07" "del\x7F" "end") == Tokens{"bell", "del", "end"});
  CHECK(tokens("no\u00A0break ideo\u3000graphic thin\u2009space") ==
        Tokens{"no", "break", "ideo", "graphic", "thin", "space"});
  CHECK(tokens("next\u0085line para\u2029graph") == Tokens{"next", "line", "para", "graph"});
  // Format characters are not spaces: a zero-width space does not split.
  CHECK(tokens("zero\u200Bwidth") == Tokens{"zero\u200Bwidth"});
}

TEST_CASE("custom filters, including non-ASCII ones") {
  TokenizerOptions hyphen_only = with_filters("-");
  CHECK(tokens("Well-known, yes!", hyphen_only) == Tokens{"well", "known,", "yes!"});

  TokenizerOptions guillemets = with_filters("«»—");
  CHECK(tokens("«Bonjour»—dit-il", guillemets) == Tokens{"bonjour", "dit-il"});

  // Keras lowercases first, then filters: a filter matches the lowercased text.
  TokenizerOptions lowercase_e = with_filters("e");
  CHECK(tokens("HELLO", lowercase_e) == Tokens{"h", "llo"});
  TokenizerOptions uppercase_e = with_filters("E");
  CHECK(tokens("HELLO", uppercase_e) == Tokens{"hello"});
  uppercase_e.lowercase = false;
  CHECK(tokens("HELLO", uppercase_e) == Tokens{"H", "LLO"});
  TokenizerOptions e_acute = with_filters("é");
  CHECK(tokens("CAFÉ", e_acute) == Tokens{"caf"});

  TokenizerOptions empty = with_filters("");
  CHECK(tokens("a,b c", empty) == Tokens{"a,b", "c"});

  TokenizerOptions invalid = with_filters("ab\xFF");
  CHECK_THROWS_AS(Tokenizer{invalid}, embedtool::UsageError);
}

TEST_CASE("filtering and lowercasing can be switched off") {
  TokenizerOptions keep_case;
  keep_case.lowercase = false;
  CHECK(tokens("Hello ÉLAN, World!", keep_case) == Tokens{"Hello", "ÉLAN", "World"});

  TokenizerOptions keep_punctuation;
  keep_punctuation.filter_punctuation = false;
  CHECK(tokens("Hello, world!\tBye.", keep_punctuation) == Tokens{"hello,", "world!", "bye."});

  TokenizerOptions neither;
  neither.lowercase = false;
  neither.filter_punctuation = false;
  CHECK(tokens("A-B c.D", neither) == Tokens{"A-B", "c.D"});
}

TEST_CASE("for_each_token hands out every token, in order") {
  const Tokenizer tokenizer;
  std::string joined;
  tokenizer.for_each_token("One TWO thrEE four", {}, [&joined](std::string_view token) {
    joined += std::string(token) + "|";
  });
  CHECK(joined == "one|two|three|four|");
}
