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
  return auto_buckets(wanted);
}

std::uint64_t auto_buckets(std::uint64_t wanted) {
  std::uint64_t buckets = kMinAutoBuckets;
  while (buckets < wanted && buckets < kMaxAutoBuckets) buckets *= 2;
  return buckets;
}

int classifier_epochs(std::uint64_t labelled_lines) {
  const std::uint64_t lines = std::max<std::uint64_t>(labelled_lines, 1);
  const std::uint64_t epochs = (kClassifierLineVisits + lines / 2) / lines;
  return static_cast<int>(std::clamp<std::uint64_t>(epochs, 5, 50));
}

ResolvedSettings resolve_settings(const TrainSettings& asked, const RunFacts& facts) {
  ResolvedSettings resolved{asked, {}};
  const bool supervised = asked.architecture == Architecture::supervised;
  LossChoice loss = supervised ? choose_classifier_loss(asked.loss, facts.classes)
                               : choose_loss(asked.loss, facts.classes);
  resolved.settings.loss = std::move(loss.loss);
  resolved.loss_reason = std::move(loss.reason);
  resolved.settings.learning_rate = learning_rate_of(asked);
  resolved.settings.output_dim =
      asked.output_dim.value_or(facts.init_dim.value_or(kDefaultOutputDim));
  resolved.settings.epochs = asked.epochs.value_or(
      supervised ? classifier_epochs(facts.labelled_lines) : kDefaultEpochs);
  resolved.settings.word_ngrams = asked.word_ngrams.value_or(supervised ? kClassifierWordNgrams : 1);
  if (!asked.buckets) {
    // A classifier's word and character n-grams share its buckets (line_input_rows.h): room
    // for both.
    const std::uint64_t word_ngram_rows =
        supervised && *resolved.settings.word_ngrams > 1
            ? classifier_buckets(facts.corpus_tokens, *resolved.settings.word_ngrams)
            : 0;
    if (asked.has_char_ngrams())
      resolved.settings.buckets = auto_buckets(
          std::min(word_ngram_rows + facts.vocabulary_char_ngrams, kMaxAutoBuckets));
    else if (word_ngram_rows > 0)
      resolved.settings.buckets = word_ngram_rows;
  }
  return resolved;
}

bool is_resolved(const TrainSettings& settings) {
  return find_head_kind(settings.loss) != nullptr && settings.learning_rate.has_value() &&
         settings.output_dim.has_value() && settings.epochs.has_value() &&
         settings.word_ngrams.has_value();
}

}  // namespace embedtool
