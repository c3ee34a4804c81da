// The one JSON form of a run's settings, shared by model metadata and checkpoints.
#include <doctest/doctest.h>

#include "embedtool/errors.h"
#include "embedtool/pipeline/settings_json.h"

using namespace embedtool;

namespace {
TrainSettings some_settings() {
  TrainSettings s;
  s.architecture = Architecture::cbow;
  s.loss = "hs";
  s.output_dim = 37;
  s.window = 3;
  s.negatives = 9;
  s.ns_exponent = 0.3;
  s.sample = 2.5e-4;
  s.epochs = 7;
  s.learning_rate = 0.0375f;
  s.threads = 3;
  s.seed = 1234567890123ull;
  s.word_ngrams = 1;
  return s;
}
const JsonReader kReader("test.json: ");
}  // namespace

TEST_CASE("settings survive the trip to JSON and back, every field") {
  const TrainSettings s = some_settings();
  const TrainSettings back = settings_from_json(settings_to_json(s), kReader);
  CHECK(back.architecture == s.architecture);
  CHECK(back.loss == s.loss);
  CHECK(back.output_dim == s.output_dim);
  CHECK(back.window == s.window);
  CHECK(back.negatives == s.negatives);
  CHECK(back.ns_exponent == s.ns_exponent);
  CHECK(back.sample == s.sample);
  CHECK(back.epochs == s.epochs);
  CHECK(back.learning_rate == s.learning_rate);
  CHECK(back.threads == s.threads);
  CHECK(back.seed == s.seed);
  CHECK(back.word_ngrams == s.word_ngrams);
  CHECK_FALSE(back.buckets.has_value());
}

TEST_CASE("a classifier's settings: word n-grams and buckets; older files read as words alone") {
  TrainSettings s = some_settings();
  s.architecture = Architecture::supervised;
  s.word_ngrams = 3;
  s.buckets = 4096;
  const TrainSettings back = settings_from_json(settings_to_json(s), kReader);
  CHECK(back.architecture == Architecture::supervised);
  CHECK(back.word_ngrams == 3);
  CHECK(back.buckets == 4096u);
  nlohmann::json old = settings_to_json(some_settings());
  old.erase("word_ngrams");
  CHECK(settings_from_json(old, kReader).word_ngrams == 1);
  // Models and checkpoints from before --ns-exponent drew their noise words by count^0.75.
  old.erase("ns_exponent");
  CHECK(settings_from_json(old, kReader).ns_exponent == 0.75);
}

TEST_CASE("settings JSON: a missing key, a wrong type, an unknown head or a bad value is named") {
  nlohmann::json j = settings_to_json(some_settings());
  j.erase("window");
  CHECK_THROWS_WITH_AS(settings_from_json(j, kReader), "test.json: no \"window\"", Error);
  j = settings_to_json(some_settings());
  j["epochs"] = "many";
  CHECK_THROWS_WITH_AS(settings_from_json(j, kReader), "test.json: \"epochs\" has the wrong type",
                       Error);
  j = settings_to_json(some_settings());
  j["loss"] = "magic";
  CHECK_THROWS_WITH_AS(settings_from_json(j, kReader), doctest::Contains("\"magic\""), Error);
  j = settings_to_json(some_settings());
  j["window"] = 0;
  CHECK_THROWS_WITH_AS(settings_from_json(j, kReader), doctest::Contains("--window"), Error);
}

TEST_CASE("tokenizer JSON: round trip; missing keys keep their defaults; bad values are named") {
  TokenizerOptions t;
  t.lowercase = false;
  t.filter_punctuation = false;
  t.filters = "\t!?";
  t.unicode_errors = UnicodeErrors::replace;
  const TokenizerOptions back = tokenizer_from_json(tokenizer_to_json(t), kReader);
  CHECK(back.lowercase == false);
  CHECK(back.filter_punctuation == false);
  CHECK(back.filters == "\t!?");
  CHECK(back.unicode_errors == UnicodeErrors::replace);

  const TokenizerOptions defaults;
  const TokenizerOptions empty = tokenizer_from_json(nlohmann::json::object(), kReader);
  CHECK(empty.lowercase == defaults.lowercase);
  CHECK(empty.filters == defaults.filters);

  CHECK_THROWS_WITH_AS(model_tokenizer_from_json({{"lowercase", 1}}, "m.emb"),
                       doctest::Contains("m.emb: the tokenizer settings in its metadata are invalid"),
                       Error);
  CHECK_THROWS_WITH_AS(tokenizer_from_json({{"unicode_errors", "loose"}}, kReader),
                       doctest::Contains("\"loose\" is not strict, replace or ignore"), Error);
}
