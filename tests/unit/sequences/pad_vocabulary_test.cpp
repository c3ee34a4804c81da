#include <doctest/doctest.h>

#include "embedtool/sequences/pad_vocabulary.h"

namespace embedtool {
namespace {

TokenizerOptions model_tokenizer() {
  TokenizerOptions options;
  options.lowercase = false;
  options.filter_punctuation = false;
  options.filters = "#";
  options.unicode_errors = UnicodeErrors::ignore;
  return options;
}

TEST_CASE("pad tokenizer: the options as given without a model's settings") {
  TokenizerOptions given;
  given.filters = "!";
  CHECK(pad_tokenizer_options(given, {}, std::nullopt).filters == "!");
  PadVocabulary vocab_file;  // from a vocab file: no tokenizer stored
  CHECK(pad_tokenizer_options(given, {}, vocab_file).filters == "!");
}

TEST_CASE("pad tokenizer: a model's settings, each overridden only when given") {
  const TokenizerOptions defaults;
  PadVocabulary model{{}, model_tokenizer()};
  const TokenizerOptions kept = pad_tokenizer_options(defaults, {}, model);
  CHECK(!kept.lowercase);
  CHECK(!kept.filter_punctuation);
  CHECK(kept.filters == "#");
  CHECK(kept.unicode_errors == UnicodeErrors::ignore);

  const TokenizerOptions lowercase = pad_tokenizer_options(defaults, {.lowercase = true}, model);
  CHECK(lowercase.lowercase);
  CHECK(!lowercase.filter_punctuation);
  CHECK(pad_tokenizer_options(defaults, {.filter = true}, model).filter_punctuation);
  CHECK(pad_tokenizer_options(defaults, {.filters = true}, model).filters == defaults.filters);
  CHECK(pad_tokenizer_options(defaults, {.unicode_errors = true}, model).unicode_errors ==
        UnicodeErrors::strict);
}

}  // namespace
}  // namespace embedtool
