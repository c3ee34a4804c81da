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
// Longer n-grams are as good as whole words; fastText users take at most 6 or so.
constexpr int kMaxCharNgram = 100;

void require_at_least(const char* flag, long long value, long long minimum) {
  if (value < minimum)
    throw UsageError(std::string(flag) + " must be at least " + std::to_string(minimum) + " (got " +
                     std::to_string(value) + ")");
}
// fastText's --minn and --maxn, with one difference: it takes minn 0 as 1, here a range with
// maxn > 0 must say where it starts.
void validate_char_ngrams(const TrainSettings& settings) {
  if (settings.minn < 0 || settings.maxn < 0)
    throw UsageError("--minn and --maxn must be at least 0 (got " + std::to_string(settings.minn) +
                     " and " + std::to_string(settings.maxn) + ")");
  if (settings.maxn > kMaxCharNgram)
    throw UsageError("--maxn must be at most " + std::to_string(kMaxCharNgram) + " (got " +
                     std::to_string(settings.maxn) + ")");
  if (settings.minn > 0 && settings.maxn == 0)
    throw UsageError("--minn needs --maxn: subwords are the character n-grams of --minn to "
                     "--maxn characters (fastText takes 3 and 6)");
  if (settings.maxn > 0 && settings.minn == 0)
    throw UsageError("--maxn needs --minn: subwords are the character n-grams of --minn to "
                     "--maxn characters (fastText takes 3 and 6)");
  if (settings.minn > settings.maxn)
    throw UsageError("--minn must be at most --maxn (got --minn " + std::to_string(settings.minn) +
                     " and --maxn " + std::to_string(settings.maxn) + ")");
}
}  // namespace

void validate(const TrainSettings& settings) {
  if (settings.output_dim)
    require_at_least("--output-dim", static_cast<long long>(*settings.output_dim), 1);
  require_at_least("--window", settings.window, 1);
  require_at_least("--neg", settings.negatives, 1);
  if (!(settings.ns_exponent >= -1 && settings.ns_exponent <= 1))
    throw UsageError("--ns-exponent must be between -1 and 1 (got " +
                     message_number(settings.ns_exponent) + ")");
  if (settings.epochs) require_at_least("--epochs", *settings.epochs, 1);
  require_at_least("--threads", settings.threads, 1);
  if (settings.word_ngrams) require_at_least("--word-ngrams", *settings.word_ngrams, 1);
  // fastText's limit too: its bucket ids are 32-bit.
  if (settings.buckets && (*settings.buckets < 1 || *settings.buckets > 2147483647))
    throw UsageError("--buckets must be between 1 and 2147483647 (got " +
                     std::to_string(*settings.buckets) + ")");
  validate_char_ngrams(settings);
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
