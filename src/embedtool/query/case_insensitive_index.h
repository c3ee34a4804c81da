#pragma once
// Finds the rows of E by word, ignoring case (see case_fold.h), within the first rows of the
// vocabulary. When several words fold alike ("Paris", "paris"), the lowest row, the most frequent
// word, answers for all of them, as in gensim's evaluate_word_pairs / evaluate_word_analogies.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class CaseInsensitiveIndex {
 public:
  // Indexes the words of rows [kFirstWordId, end_row); end_row is clamped to the vocabulary.
  CaseInsensitiveIndex(const Vocabulary& vocabulary, WordId end_row);

  // The lowest indexed row whose word folds like `word`, or nullopt.
  std::optional<WordId> find(std::string_view word) const;

  // The row that answers for `row`'s word: `row` itself unless a lower row folds alike.
  WordId representative(WordId row) const {
    return representatives_[static_cast<std::size_t>(row - kFirstWordId)];
  }

  // One past the last indexed row.
  WordId end_row() const { return kFirstWordId + static_cast<WordId>(representatives_.size()); }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, WordId, StringHash, std::equal_to<>> rows_by_key_;
  std::vector<WordId> representatives_;  // [row - kFirstWordId]
};

}  // namespace embedtool
