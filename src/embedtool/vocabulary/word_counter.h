#pragma once
// Counts words as they stream by and turns the counts into a Vocabulary.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "embedtool/text/tokenizer.h"
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
  void add(std::string_view word);
  std::uint64_t tokens_seen() const { return tokens_seen_; }
  std::size_t distinct_words() const { return counts_.size(); }

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
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> counts_;
  std::uint64_t tokens_seen_ = 0;
};

}  // namespace embedtool
