#pragma once
// The vocabulary: word <-> id, with the counts seen in the corpus.
// Ids 0 and 1 are reserved (padding and unknown word); words take ids 2, 3, ... ordered by count
// descending, ties broken by first appearance in the corpus. input_dim() = number of words + 2 is
// the number of rows of the embedding matrix E.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace embedtool {

using WordId = std::int64_t;

inline constexpr WordId kPaddingId = 0;
inline constexpr WordId kUnknownId = 1;
inline constexpr WordId kFirstWordId = 2;
inline constexpr std::size_t kReservedIds = 2;
// How the reserved rows are named where every row needs a name (the model file, lookup output).
inline constexpr std::string_view kPaddingToken = "<pad>";
inline constexpr std::string_view kUnknownToken = "<unk>";

class Vocabulary {
 public:
  Vocabulary() = default;

  // Appends a word with the next id. Throws Error if the word is empty or already present.
  // Callers are responsible for the ordering (see WordCounter::build).
  WordId add(std::string word, std::uint64_t count);

  // Number of rows of E: the words plus the two reserved ids.
  std::size_t input_dim() const { return words_.size() + kReservedIds; }
  std::size_t word_count() const { return words_.size(); }

  // The id of `word`, or nullopt when it is not in the vocabulary. The reserved tokens are not
  // words: id_of("<pad>") is nullopt.
  std::optional<WordId> id_of(std::string_view word) const;
  // The id of `word`, or kUnknownId.
  WordId id_or_unknown(std::string_view word) const;

  // The word of a row, or "<pad>" / "<unk>" for the reserved ids. Throws Error if out of range.
  std::string_view word(WordId id) const;
  // Corpus count of a row's word; 0 for the reserved ids.
  std::uint64_t count(WordId id) const;

  // Sum of the counts of all words.
  std::uint64_t total_count() const { return total_count_; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> words_;    // words_[k] has id k + kFirstWordId
  std::vector<std::uint64_t> counts_;
  std::unordered_map<std::string, WordId, StringHash, std::equal_to<>> ids_;
  std::uint64_t total_count_ = 0;
};

}  // namespace embedtool
