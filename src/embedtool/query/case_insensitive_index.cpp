#include "embedtool/query/case_insensitive_index.h"

#include <algorithm>

#include "embedtool/errors.h"
#include "embedtool/query/case_fold.h"

namespace embedtool {

CaseInsensitiveIndex::CaseInsensitiveIndex(const Vocabulary& vocabulary, WordId end_row) {
  const WordId end =
      std::clamp<WordId>(end_row, kFirstWordId, static_cast<WordId>(vocabulary.input_dim()));
  representatives_.reserve(static_cast<std::size_t>(end - kFirstWordId));
  rows_by_key_.reserve(static_cast<std::size_t>(end - kFirstWordId));
  for (WordId row = kFirstWordId; row < end; ++row) {
    std::optional<std::string> key = fold_case(vocabulary.word(row));
    // The model reader checks that every word is valid UTF-8.
    if (!key) throw Error("the word of row " + std::to_string(row) + " is not valid UTF-8");
    // Rows come in increasing order, so the first row to claim a key is the lowest.
    const auto [where, inserted] = rows_by_key_.try_emplace(std::move(*key), row);
    representatives_.push_back(where->second);
  }
}

std::optional<WordId> CaseInsensitiveIndex::find(std::string_view word) const {
  const std::optional<std::string> key = fold_case(word);
  if (!key) return std::nullopt;
  const auto found = rows_by_key_.find(*key);
  if (found == rows_by_key_.end()) return std::nullopt;
  return found->second;
}

}  // namespace embedtool
