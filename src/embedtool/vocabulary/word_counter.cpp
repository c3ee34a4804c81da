#include "embedtool/vocabulary/word_counter.h"

#include <algorithm>
#include <vector>

#include "embedtool/errors.h"

namespace embedtool {

void WordCounter::add(std::string_view word) {
  ++tokens_seen_;
  const auto found = counts_.find(word);
  if (found != counts_.end()) {
    ++found->second.count;
    return;
  }
  counts_.emplace(std::string(word), Entry{1, counts_.size()});
}

Vocabulary WordCounter::build(const VocabularyOptions& options) const {
  if (options.input_dim && *options.input_dim < kReservedIds + 1) {
    throw UsageError("input_dim must be at least 3 (ids 0 and 1 are reserved, so " +
                     std::to_string(*options.input_dim) + " leaves no room for a word)");
  }

  using CountedWord = decltype(counts_)::const_pointer;
  std::vector<CountedWord> kept;
  for (const auto& counted : counts_) {
    if (counted.second.count >= options.min_count) kept.push_back(&counted);
  }
  // first_seen is unique, so the order is total and the vocabulary the same on every run.
  const auto more_frequent = [](CountedWord a, CountedWord b) {
    if (a->second.count != b->second.count) return a->second.count > b->second.count;
    return a->second.first_seen < b->second.first_seen;
  };
  std::size_t keep = kept.size();
  if (options.input_dim) {
    keep = static_cast<std::size_t>(
        std::min<std::uint64_t>(keep, *options.input_dim - kReservedIds));
  }
  std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(keep), kept.end(),
                    more_frequent);

  Vocabulary vocabulary;
  for (std::size_t k = 0; k < keep; ++k) vocabulary.add(kept[k]->first, kept[k]->second.count);
  return vocabulary;
}

}  // namespace embedtool
