#pragma once
// Where the settings a user asked for become the ones a run trains with, once: "auto" replaced
// by the head it picks, the architecture's default learning rate filled in. The trainer, the
// model's metadata and checkpoints all take the result, so none of them picks again (and a
// resumed run reads the choice back instead of making it anew for a vocabulary that may differ).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "embedtool/training/train_settings.h"

namespace embedtool {

struct ResolvedSettings {
  TrainSettings settings;   // loss: a registered head; learning_rate and output_dim: set
  std::string loss_reason;  // one sentence for the log: which head, and why
};

// What is known of a run when its settings are resolved (after the corpus is counted).
struct RunFacts {
  std::size_t classes = 0;  // what the head predicts: the vocabulary's words, a classifier's labels
  // The size of the vectors E starts from (--init), which an unset output_dim takes;
  // kDefaultOutputDim without them.
  std::optional<std::size_t> init_dim;
  std::uint64_t corpus_tokens = 0;   // a classifier's: sizes unset buckets (classifier_buckets)
  std::uint64_t labelled_lines = 0;  // a classifier's: sets unset epochs (classifier_epochs)
  // A subword model's: the character n-grams of all its vocabulary words, repeats counted, which
  // bound the distinct n-grams and size unset buckets (auto_buckets).
  std::uint64_t vocabulary_char_ngrams = 0;
};

// `asked` must have passed validate().
ResolvedSettings resolve_settings(const TrainSettings& asked, const RunFacts& facts);

// A classifier's passes when --epochs is unset: about kClassifierLineVisits / lines, from 5
// (fastText's default, enough for a large set) to 50. Small sets need many passes for SGD to
// converge, large ones few; what stays about constant is the number of steps. Measured on TREC
// (5,452 lines: 50 passes) and MR (9,594: 29): README, "Classifying text".
inline constexpr std::uint64_t kClassifierLineVisits = 275'000;
int classifier_epochs(std::uint64_t labelled_lines);

// The word n-gram buckets of a classifier whose --buckets is unset: one per n-gram occurrence
// in the training file (tokens · (word_ngrams − 1), which bounds the distinct n-grams), rounded
// up to a power of two, at least kMinAutoBuckets and at most kMaxAutoBuckets (fastText's fixed
// 2,000,000, 800 MB at dim 100, whatever the data). Small files get small tables instead of
// hundreds of megabytes of rows that no n-gram reaches.
inline constexpr std::uint64_t kMinAutoBuckets = 1024;
inline constexpr std::uint64_t kMaxAutoBuckets = 2'097'152;
std::uint64_t classifier_buckets(std::uint64_t corpus_tokens, int word_ngrams);
// `wanted` (a bound on the distinct n-grams) rounded up to a power of two, within
// kMinAutoBuckets..kMaxAutoBuckets. A subword model's: one bucket per character n-gram occurrence
// in its vocabulary words (en-norm.txt at min-count 5: 51,124 words, 1,202,362 n-grams of 3 to 6
// characters, so 2,097,152 rows, about fastText's fixed 2,000,000; a small vocabulary gets far
// fewer).
// A classifier with subwords gets room for both kinds of n-gram, which share its buckets:
// its word n-gram occurrences and its vocabulary's character n-grams, summed, rounded up.
std::uint64_t auto_buckets(std::uint64_t wanted);

// True when `settings` came from resolve_settings (or a checkpoint that stored them so).
bool is_resolved(const TrainSettings& settings);

}  // namespace embedtool
