#include "embedtool/training/resolve_settings.h"

#include <algorithm>

#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/loss_choice.h"

namespace embedtool {

std::uint64_t classifier_buckets(std::uint64_t corpus_tokens, int word_ngrams) {
  const auto longer = static_cast<std::uint64_t>(word_ngrams > 1 ? word_ngrams - 1 : 0);
  const std::uint64_t wanted =
      corpus_tokens > kMaxAutoBuckets / std::max<std::uint64_t>(longer, 1) ? kMaxAutoBuckets
                                                                            : corpus_tokens * longer;
  std::uint64_t buckets = kMinAutoBuckets;
  while (buckets < wanted && buckets < kMaxAutoBuckets) buckets *= 2;
  return buckets;
}

ResolvedSettings resolve_settings(const TrainSettings& asked, std::size_t classes,
                                  std::optional<std::size_t> init_dim,
                                  std::uint64_t corpus_tokens) {
  ResolvedSettings resolved{asked, {}};
  const bool supervised = asked.architecture == Architecture::supervised;
  LossChoice loss = supervised ? choose_classifier_loss(asked.loss, classes)
                               : choose_loss(asked.loss, classes);
  resolved.settings.loss = std::move(loss.loss);
  resolved.loss_reason = std::move(loss.reason);
  resolved.settings.learning_rate = learning_rate_of(asked);
  resolved.settings.output_dim = asked.output_dim.value_or(init_dim.value_or(kDefaultOutputDim));
  if (supervised && asked.word_ngrams > 1 && !asked.buckets)
    resolved.settings.buckets = classifier_buckets(corpus_tokens, asked.word_ngrams);
  return resolved;
}

bool is_resolved(const TrainSettings& settings) {
  return find_head_kind(settings.loss) != nullptr && settings.learning_rate.has_value() &&
         settings.output_dim.has_value();
}

}  // namespace embedtool
