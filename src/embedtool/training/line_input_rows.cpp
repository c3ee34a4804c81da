#include "embedtool/training/line_input_rows.h"

#include <stdexcept>

namespace embedtool {
namespace {

// A word id spread over 64 bits (splitmix64's finalizer), so that neighbouring ids, which are
// words of similar frequency, land in unrelated buckets.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// fastText's n-gram combination step (Dictionary::addWordNgrams): h = h · 116049371 + next.
constexpr std::uint64_t kNgramMultiplier = 116049371;

}  // namespace

void append_line_input_rows(std::span<const WordId> words, const LineInputShape& shape,
                            std::vector<InputRow>& rows, const WordSubwordRows* subwords) {
  if (shape.has_char_ngrams() != (subwords != nullptr))
    throw std::logic_error("append_line_input_rows: subwords must be given exactly when the "
                           "shape has character n-grams");
  for (const WordId id : words) {
    if (id < kFirstWordId) continue;
    if (subwords == nullptr) {
      rows.push_back(id);
      continue;
    }
    const std::span<const InputRow> own = subwords->rows(id);
    rows.insert(rows.end(), own.begin(), own.end());
  }
  append_word_ngram_rows(words, shape, rows);
}

void append_word_input_rows(WordId id, std::string_view word, const LineInputShape& shape,
                            std::vector<InputRow>& rows) {
  if (id == kPaddingId) return;
  if (id >= kFirstWordId) rows.push_back(id);
  const auto first_bucket = static_cast<InputRow>(shape.input_dim);
  for (const std::uint64_t bucket : char_ngram_buckets(word, shape.char_ngrams, shape.buckets))
    rows.push_back(first_bucket + static_cast<InputRow>(bucket));
}

void append_word_ngram_rows(std::span<const WordId> words, const LineInputShape& shape,
                            std::vector<InputRow>& rows) {
  if (shape.word_ngrams <= 1 || shape.buckets == 0) return;
  const auto n = static_cast<std::size_t>(shape.word_ngrams);
  const auto first_bucket = static_cast<InputRow>(shape.input_dim);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == kPaddingId) continue;
    std::uint64_t hash = mix(static_cast<std::uint64_t>(words[i]));
    std::size_t length = 1;
    bool has_known_word = words[i] >= kFirstWordId;
    for (std::size_t j = i + 1; j < words.size() && length < n; ++j) {
      if (words[j] == kPaddingId) continue;
      hash = hash * kNgramMultiplier + mix(static_cast<std::uint64_t>(words[j]));
      ++length;
      has_known_word = has_known_word || words[j] >= kFirstWordId;
      if (has_known_word) rows.push_back(first_bucket + static_cast<InputRow>(hash % shape.buckets));
    }
  }
}

}  // namespace embedtool
