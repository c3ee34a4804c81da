#pragma once
// Counts words as they stream by and turns the counts into a Vocabulary. With a memory limit, a
// table that outgrows it is spilled to disk as a sorted run (count_runs.h) and counting goes on
// with an empty one; build() merges the runs, so the counts, the order and the ids are exactly
// those of an unlimited count, at the cost of temporary disk space and a merge.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/count_runs.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

struct VocabularyOptions {
  std::uint64_t min_count = 1;  // words seen fewer times are left out (they map to kUnknownId)
  // Cap on the number of rows of E, reserved ids included: at most input_dim - 2 words are kept,
  // the most frequent ones. nullopt = no cap. Must be >= 3 when set.
  std::optional<std::uint64_t> input_dim;
};

class WordCounter {
 public:
  // Keep the table within about `bytes` (0, the default: no limit). Set before counting.
  void limit_memory(std::uint64_t bytes) { memory_limit_ = bytes; }

  void add(std::string_view word);
  // Adds a word counted elsewhere (another process's part of the corpus) `count` times, first
  // seen at `first_seen` in the order of the whole corpus: counts add up, the earliest
  // appearance stays. Counts of parts merged this way give the ids of one count of the whole.
  void add_counted(std::string_view word, std::uint64_t count, std::uint64_t first_seen);
  // Every distinct word counted so far with its count and first appearance, spilled runs merged
  // in, in ascending byte order; the view is valid during the call only.
  void for_each_word(const std::function<void(const CountedWord&)>& each) const;
  std::uint64_t tokens_seen() const { return tokens_seen_; }
  // Exact without spilled runs; with them, known only once build() has merged them (0 before).
  std::uint64_t distinct_words() const { return runs_.runs_written() == 0 ? counts_.size() : merged_distinct_; }
  std::uint64_t spilled_runs() const { return runs_.runs_written(); }
  // Temporary files of spilled runs open now (count_runs.h merges them in levels).
  std::size_t open_run_files() const { return runs_.open_files(); }

  // About what one distinct word costs in the table: the node (string, counts, hash, link), its
  // bucket and the allocator's overhead, and the word's own bytes past the string's inline 15.
  static std::uint64_t entry_bytes(std::size_t word_length);

  // Words with count >= min_count, by count descending then first appearance, capped by
  // input_dim. Throws UsageError if input_dim < 3.
  Vocabulary build(const VocabularyOptions& options) const;

 private:
  struct Entry {
    std::uint64_t count = 0;
    std::uint64_t first_seen = 0;  // order of first appearance
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The table's words in ascending byte order, as a run is written.
  std::vector<CountedWord> table_by_word() const;
  void spill();

  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> counts_;
  std::uint64_t tokens_seen_ = 0;
  std::uint64_t next_first_seen_ = 0;  // distinct insertions so far, across spills
  std::uint64_t memory_limit_ = 0;
  std::uint64_t table_bytes_ = 0;      // entry_bytes of the table's words
  CountRuns runs_;
  // Set by build() when it merges runs: a count of the whole corpus, not of the table.
  mutable std::uint64_t merged_distinct_ = 0;
};

}  // namespace embedtool
