#include "embedtool/vocabulary/vocabulary.h"

#include <limits>

#include "embedtool/errors.h"

namespace embedtool {

WordId Vocabulary::add(std::string word, std::uint64_t count) {
  if (word.empty()) throw Error("cannot add an empty word to the vocabulary");
  if (ids_.find(word) != ids_.end()) {
    throw Error("the word '" + word + "' is already in the vocabulary");
  }
  if (count > std::numeric_limits<std::uint64_t>::max() - total_count_) {
    throw Error("the vocabulary's total count exceeds 2^64 - 1");
  }
  const auto id = static_cast<WordId>(words_.size()) + kFirstWordId;
  ids_.emplace(word, id);
  words_.push_back(std::move(word));
  counts_.push_back(count);
  total_count_ += count;
  return id;
}

std::optional<WordId> Vocabulary::id_of(std::string_view word) const {
  const auto found = ids_.find(word);
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

WordId Vocabulary::id_or_unknown(std::string_view word) const {
  const auto found = ids_.find(word);
  return found == ids_.end() ? kUnknownId : found->second;
}

namespace {

void check_id(WordId id, std::size_t input_dim) {
  if (id < 0 || static_cast<std::uint64_t>(id) >= input_dim) {
    throw Error("word id " + std::to_string(id) + " is out of range (the vocabulary has ids 0 to " +
                std::to_string(input_dim - 1) + ")");
  }
}

}  // namespace

std::string_view Vocabulary::word(WordId id) const {
  check_id(id, input_dim());
  if (id == kPaddingId) return kPaddingToken;
  if (id == kUnknownId) return kUnknownToken;
  return words_[static_cast<std::size_t>(id - kFirstWordId)];
}

std::uint64_t Vocabulary::count(WordId id) const {
  check_id(id, input_dim());
  if (id < kFirstWordId) return 0;
  return counts_[static_cast<std::size_t>(id - kFirstWordId)];
}

}  // namespace embedtool
