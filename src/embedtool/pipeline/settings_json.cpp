#include "embedtool/pipeline/settings_json.h"

#include "embedtool/errors.h"
#include "embedtool/training/heads/head_registry.h"

namespace embedtool {
namespace {

using nlohmann::json;

const char* unicode_errors_name(UnicodeErrors mode) {
  switch (mode) {
    case UnicodeErrors::strict: return "strict";
    case UnicodeErrors::replace: return "replace";
    case UnicodeErrors::ignore: return "ignore";
  }
  return "strict";
}

Architecture architecture_named(const std::string& name, const JsonReader& reader) {
  for (const Architecture architecture :
       {Architecture::skipgram, Architecture::cbow, Architecture::supervised})
    if (name_of(architecture) == name) return architecture;
  reader.fail("unknown setting \"" + name + "\"");
}

}  // namespace

std::optional<UnicodeErrors> unicode_errors_from_name(std::string_view name) {
  for (const UnicodeErrors mode :
       {UnicodeErrors::strict, UnicodeErrors::replace, UnicodeErrors::ignore})
    if (name == unicode_errors_name(mode)) return mode;
  return std::nullopt;
}

json settings_to_json(const TrainSettings& s) {
  json j = {{"architecture", name_of(s.architecture)},
          {"loss", s.loss},
          {"output_dim", s.output_dim.value()},
          {"window", s.window},
          {"negatives", s.negatives},
          {"ns_exponent", s.ns_exponent},
          {"sample", s.sample},
          {"epochs", s.epochs.value()},
          {"learning_rate", s.learning_rate.value()},
          {"threads", s.threads},
          {"seed", s.seed},
          {"word_ngrams", s.word_ngrams.value()}};
  if (s.has_char_ngrams()) {
    j["minn"] = s.minn;
    j["maxn"] = s.maxn;
  }
  if (s.buckets) j["buckets"] = *s.buckets;
  return j;
}

TrainSettings settings_from_json(const json& j, const JsonReader& r) {
  TrainSettings s;
  s.architecture = architecture_named(r.get<std::string>(j, "architecture"), r);
  s.loss = r.get<std::string>(j, "loss");
  if (find_head_kind(s.loss) == nullptr) r.fail("unknown setting \"" + s.loss + "\"");
  s.output_dim = r.get<std::size_t>(j, "output_dim");
  s.window = r.get<int>(j, "window");
  s.negatives = r.get<int>(j, "negatives");
  // Written since it could be set; every earlier model drew its noise words by count^0.75.
  s.ns_exponent = r.get_or(j, "ns_exponent", kWord2vecNsExponent);
  s.sample = r.get<double>(j, "sample");
  s.epochs = r.get<int>(j, "epochs");
  s.learning_rate = r.get<float>(j, "learning_rate");
  s.threads = r.get<int>(j, "threads");
  s.seed = r.get<std::uint64_t>(j, "seed");
  // Written since the supervised models (format 4); older files are word models without them.
  s.word_ngrams = r.get_or(j, "word_ngrams", 1);
  // Written for subword models only.
  s.minn = r.get_or(j, "minn", 0);
  s.maxn = r.get_or(j, "maxn", 0);
  if (j.contains("buckets")) s.buckets = r.get<std::uint64_t>(j, "buckets");
  try {
    validate(s);
  } catch (const UsageError& error) {
    r.fail(std::string("bad settings (") + error.what() + ")");
  }
  return s;
}

json tokenizer_to_json(const TokenizerOptions& options) {
  return {{"lowercase", options.lowercase},
          {"filter_punctuation", options.filter_punctuation},
          {"filters", options.filters},
          {"unicode_errors", unicode_errors_name(options.unicode_errors)}};
}

TokenizerOptions tokenizer_from_json(const json& j, const JsonReader& r) {
  if (!j.is_object()) r.fail("the tokenizer settings are not an object");
  TokenizerOptions t;
  t.lowercase = r.get_or(j, "lowercase", t.lowercase);
  t.filter_punctuation = r.get_or(j, "filter_punctuation", t.filter_punctuation);
  t.filters = r.get_or(j, "filters", t.filters);
  const std::string errors =
      r.get_or<std::string>(j, "unicode_errors", unicode_errors_name(t.unicode_errors));
  const auto mode = unicode_errors_from_name(errors);
  if (!mode) r.fail("unicode_errors \"" + errors + "\" is not strict, replace or ignore");
  t.unicode_errors = *mode;
  return t;
}

TokenizerOptions model_tokenizer_from_json(const json& tokenizer, const std::string& source) {
  return tokenizer_from_json(
      tokenizer, JsonReader(source + ": the tokenizer settings in its metadata are invalid (", ")"));
}

}  // namespace embedtool
