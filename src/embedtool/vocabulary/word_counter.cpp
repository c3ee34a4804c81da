#include "embedtool/vocabulary/word_counter.h"

#include <algorithm>
#include <deque>
#include <vector>

#include "embedtool/errors.h"

namespace embedtool {

std::uint64_t WordCounter::entry_bytes(std::size_t word_length) {
  constexpr std::uint64_t kNode = 96;  // measured: 1M distinct short words, about 96 MB
  constexpr std::size_t kInline = 15;  // std::string's short-string buffer (libstdc++)
  if (word_length <= kInline) return kNode;
  return kNode + (word_length + 1 + 15) / 16 * 16 + 16;  // heap block, rounded, plus its header
}

void WordCounter::add(std::string_view word) {
  ++tokens_seen_;
  const auto found = counts_.find(word);
  if (found != counts_.end()) {
    ++found->second.count;
    return;
  }
  counts_.emplace(std::string(word), Entry{1, next_first_seen_++});
  table_bytes_ += entry_bytes(word.size());
  if (memory_limit_ > 0 && table_bytes_ > memory_limit_) spill();
}

void WordCounter::add_counted(std::string_view word, std::uint64_t count,
                              std::uint64_t first_seen) {
  tokens_seen_ += count;
  next_first_seen_ = std::max(next_first_seen_, first_seen + 1);
  const auto found = counts_.find(word);
  if (found != counts_.end()) {
    found->second.count += count;
    found->second.first_seen = std::min(found->second.first_seen, first_seen);
    return;
  }
  counts_.emplace(std::string(word), Entry{count, first_seen});
  table_bytes_ += entry_bytes(word.size());
  if (memory_limit_ > 0 && table_bytes_ > memory_limit_) spill();
}

void WordCounter::for_each_word(const std::function<void(const CountedWord&)>& each) const {
  if (runs_.runs_written() == 0) {
    for (const CountedWord& counted : table_by_word()) each(counted);
    return;
  }
  runs_.merge(table_by_word(), each);
}

std::vector<CountedWord> WordCounter::table_by_word() const {
  std::vector<CountedWord> sorted;
  sorted.reserve(counts_.size());
  for (const auto& [word, entry] : counts_) sorted.push_back({word, entry.count, entry.first_seen});
  std::sort(sorted.begin(), sorted.end(),
            [](const CountedWord& a, const CountedWord& b) { return a.word < b.word; });
  return sorted;
}

void WordCounter::spill() {
  runs_.write_run(table_by_word());
  decltype(counts_)().swap(counts_);  // clear() would keep the bucket array
  table_bytes_ = 0;
}

Vocabulary WordCounter::build(const VocabularyOptions& options) const {
  if (options.input_dim && *options.input_dim < kReservedIds + 1) {
    throw UsageError("input_dim must be at least 3 (ids 0 and 1 are reserved, so " +
                     std::to_string(*options.input_dim) + " leaves no room for a word)");
  }

  // The words that reach min_count, from the table or, after spills, from the merged runs (whose
  // words are copied: the merge's views last one call).
  std::vector<CountedWord> kept;
  std::deque<std::string> merged_words;
  if (runs_.runs_written() == 0) {
    for (const auto& [word, entry] : counts_)
      if (entry.count >= options.min_count) kept.push_back({word, entry.count, entry.first_seen});
  } else {
    merged_distinct_ = 0;
    runs_.merge(table_by_word(), [&](const CountedWord& counted) {
      ++merged_distinct_;
      if (counted.count < options.min_count) return;
      merged_words.emplace_back(counted.word);
      kept.push_back({merged_words.back(), counted.count, counted.first_seen});
    });
  }
  // first_seen is unique, so the order is total and the vocabulary the same on every run.
  const auto more_frequent = [](const CountedWord& a, const CountedWord& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.first_seen < b.first_seen;
  };
  std::size_t keep = kept.size();
  if (options.input_dim) {
    keep = static_cast<std::size_t>(
        std::min<std::uint64_t>(keep, *options.input_dim - kReservedIds));
  }
  std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(keep), kept.end(),
                    more_frequent);

  Vocabulary vocabulary;
  for (std::size_t k = 0; k < keep; ++k) vocabulary.add(std::string(kept[k].word), kept[k].count);
  return vocabulary;
}

}  // namespace embedtool
