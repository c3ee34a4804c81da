#pragma once
// The one JSON form of a training run's settings and of its tokenizer: a model's metadata and a
// checkpoint's state both hold them in this form, and both are read back through here (by
// `train --resume`, and by `pad --vocab model.emb`, which tokenizes as the model's corpus was).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "embedtool/pipeline/json_reader.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/train_settings.h"

namespace embedtool {

// `settings` resolved (resolve_settings.h): the head chosen, the learning rate set.
nlohmann::json settings_to_json(const TrainSettings& settings);
// Every key required but word_ngrams and buckets (absent from models before the classifiers:
// 1 and unset); a value of the wrong type, an unknown name or an impossible value fails
// through `reader`, naming it.
TrainSettings settings_from_json(const nlohmann::json& settings, const JsonReader& reader);

nlohmann::json tokenizer_to_json(const TokenizerOptions& options);
// Keys that are missing keep their defaults; a value of the wrong type or an unknown mode fails
// through `reader`.
TokenizerOptions tokenizer_from_json(const nlohmann::json& tokenizer, const JsonReader& reader);
// The tokenizer stored in a model's metadata; Error naming `source` when it is invalid.
TokenizerOptions model_tokenizer_from_json(const nlohmann::json& tokenizer,
                                           const std::string& source);

// "strict", "replace", "ignore" as tokenizer_to_json writes them; nullopt for anything else.
std::optional<UnicodeErrors> unicode_errors_from_name(std::string_view name);

}  // namespace embedtool
