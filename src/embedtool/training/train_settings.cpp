#include "embedtool/training/train_settings.h"

#include <cmath>
#include <string>

#include "embedtool/errors.h"
#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/message_number.h"

namespace embedtool {

float default_learning_rate(Architecture architecture) {
  switch (architecture) {
    case Architecture::skipgram: return 0.025f;
    case Architecture::cbow: return 0.05f;
    case Architecture::supervised: return 0.25f;
  }
  return 0.025f;
}

float learning_rate_of(const TrainSettings& settings) {
  return settings.learning_rate.value_or(default_learning_rate(settings.architecture));
}

std::string_view name_of(Architecture architecture) {
  switch (architecture) {
    case Architecture::skipgram: return "skipgram";
    case Architecture::cbow: return "cbow";
    case Architecture::supervised: return "supervised";
  }
  return "?";
}

namespace {
void require_at_least(const char* flag, long long value, long long minimum) {
  if (value < minimum)
    throw UsageError(std::string(flag) + " must be at least " + std::to_string(minimum) + " (got " +
                     std::to_string(value) + ")");
}
}  // namespace

void validate(const TrainSettings& settings) {
  if (settings.output_dim)
    require_at_least("--output-dim", static_cast<long long>(*settings.output_dim), 1);
  require_at_least("--window", settings.window, 1);
  require_at_least("--neg", settings.negatives, 1);
  if (settings.epochs) require_at_least("--epochs", *settings.epochs, 1);
  require_at_least("--threads", settings.threads, 1);
  if (settings.word_ngrams) require_at_least("--word-ngrams", *settings.word_ngrams, 1);
  // fastText's limit too: its bucket ids are 32-bit.
  if (settings.buckets && (*settings.buckets < 1 || *settings.buckets > 2147483647))
    throw UsageError("--buckets must be between 1 and 2147483647 (got " +
                     std::to_string(*settings.buckets) + ")");
  if (!(settings.sample >= 0) || !std::isfinite(settings.sample))
    throw UsageError("--sample must be 0 (off) or a positive number (got " +
                     message_number(settings.sample) + ")");
  if (settings.loss != "auto" && find_head_kind(settings.loss) == nullptr) {
    std::string choices = "auto";
    for (const std::string& name : head_names()) choices += ", " + name;
    throw UsageError("--loss must be one of " + choices + " (got \"" + settings.loss + "\")");
  }
  const float rate = learning_rate_of(settings);
  if (!(rate > 0) || !std::isfinite(rate))
    throw UsageError("--lr must be a positive finite number (got " + message_number(rate) + ")");
}

}  // namespace embedtool
