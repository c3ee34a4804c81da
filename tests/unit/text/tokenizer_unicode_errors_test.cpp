#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/tokenizer.h"

using embedtool::TextLocation;
using embedtool::Tokenizer;
using embedtool::TokenizerOptions;
using embedtool::UnicodeErrors;
using Tokens = std::vector<std::string>;

namespace {

Tokenizer tokenizer_for(UnicodeErrors mode) {
  TokenizerOptions options;
  options.unicode_errors = mode;
  return Tokenizer(options);
}

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

TEST_CASE("strict: invalid UTF-8 is an Error naming the absolute byte offset") {
  const Tokenizer strict = tokenizer_for(UnicodeErrors::strict);
  const TextLocation where{"corpus.txt", 3, 1000};
  CHECK_THROWS_WITH_AS(strict.tokenize("ok caf\xC3 bad", where),
                       "invalid UTF-8 (corpus.txt: line 3, byte 1006)", embedtool::Error);
  CHECK_THROWS_WITH_AS(strict.tokenize("\xFF", {}), "invalid UTF-8 (byte 0)", embedtool::Error);
  CHECK_THROWS_WITH_AS(strict.tokenize("ab\xE6\x97", {"", 7, 10}),
                       "invalid UTF-8 (line 7, byte 12)", embedtool::Error);
}

TEST_CASE("strict: each kind of invalid sequence is refused, at its first byte") {
  const Tokenizer strict = tokenizer_for(UnicodeErrors::strict);
  const char* const invalid[] = {
      "\x80",              // continuation byte without a lead
      "\xC0\xAF",          // overlong "/"
      "\xC1\xBF",          // overlong
      "\xE0\x9F\xBF",      // overlong 3-byte form of U+07FF
      "\xF0\x8F\xBF\xBF",  // overlong 4-byte form of U+FFFF
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xF5\x80\x80\x80",  // lead byte beyond U+10FFFF
      "\xFF",
      "\xC3",              // truncated at the end of the line
      "\xE6\x97",
      "\xF0\x9F\x90",
      "\xE6\x97x",         // truncated before an ASCII byte
  };
  for (const char* sequence : invalid) {
    CAPTURE(sequence);
    CHECK_THROWS_WITH_AS(strict.tokenize(std::string("ab ") + sequence, {"f", 1, 0}),
                         "invalid UTF-8 (f: line 1, byte 3)", embedtool::Error);
  }
}

TEST_CASE("strict: the edges of the valid ranges are accepted") {
  const Tokenizer strict = tokenizer_for(UnicodeErrors::strict);
  const std::string valid[] = {
      "\xC2\xA9",          // U+00A9, smallest printable 2-byte character
      "\xDF\xBF",          // U+07FF
      "\xE0\xA0\x80",      // U+0800
      "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
      "\xEE\x80\x80",      // U+E000, just above them
      "\xF0\x90\x80\x80",  // U+10000
      "\xF4\x8F\xBF\xBF",  // U+10FFFF
  };
  for (const std::string& character : valid) {
    CAPTURE(character);
    CHECK(strict.tokenize("x" + character) == Tokens{"x" + character});
  }
}

TEST_CASE("replace: U+FFFD for each invalid byte or truncated sequence, as Python does") {
  const Tokenizer replace = tokenizer_for(UnicodeErrors::replace);
  const std::string& r = kReplacement;
  CHECK(replace.tokenize("ab\xFF" "cd") == Tokens{"ab" + r + "cd"});
  CHECK(replace.tokenize("AB\xFF" "CD") == Tokens{"ab" + r + "cd"});
  CHECK(replace.tokenize("\xFF") == Tokens{r});
  // b"\xe6\x97x".decode("utf-8", "replace") == "\ufffdx"
  CHECK(replace.tokenize("\xE6\x97x") == Tokens{r + "x"});
  // Each byte of an encoded surrogate and of an overlong form is replaced on its own.
  CHECK(replace.tokenize("\xED\xA0\x80") == Tokens{r + r + r});
  CHECK(replace.tokenize("\xC0\xAF") == Tokens{r + r});
  CHECK(replace.tokenize("\xF4\x90\x80\x80") == Tokens{r + r + r + r});
  CHECK(replace.tokenize("\xF0\x9F\x90 cat") == Tokens{r, "cat"});
}

TEST_CASE("ignore: invalid bytes are dropped and their neighbours join") {
  const Tokenizer ignore = tokenizer_for(UnicodeErrors::ignore);
  CHECK(ignore.tokenize("ab\xFF" "cd") == Tokens{"abcd"});
  CHECK(ignore.tokenize("AB\xFF" "cd") == Tokens{"abcd"});
  CHECK(ignore.tokenize("\xFF" "ab \xFF \xE6\x97") == Tokens{"ab"});
  CHECK(ignore.tokenize("\xFF\xFE") == Tokens{});
  CHECK(ignore.tokenize("caf\xC3 \xC3\xA9t\xC3\xA9") == Tokens{"caf", "été"});
}

TEST_CASE("a strict error's place counts line ends and the BOM that LineReader skipped") {
  std::istringstream input("\xEF\xBB\xBFline one\r\nline two\rbad \xFF here\n");
  embedtool::LineReader reader(input, "corpus.txt");
  const Tokenizer strict = tokenizer_for(UnicodeErrors::strict);
  std::string line;
  std::vector<std::string> words;
  auto tokenize_next = [&] {
    REQUIRE(reader.next(line));
    const TextLocation where{reader.source_name(), reader.line_number(), reader.line_offset()};
    strict.for_each_token(line, where, [&words](std::string_view w) { words.emplace_back(w); });
  };
  tokenize_next();
  tokenize_next();
  CHECK(words == Tokens{"line", "one", "line", "two"});
  // Line 3 starts at 3 (BOM) + 10 ("line one\r\n") + 9 ("line two\r") = 22; the bad byte is 4 on.
  CHECK_THROWS_WITH_AS(tokenize_next(), "invalid UTF-8 (corpus.txt: line 3, byte 26)",
                       embedtool::Error);
}
