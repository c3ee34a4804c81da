#include "embedtool/text/char_ngrams.h"

#include <string>

namespace embedtool {

namespace {

bool is_continuation_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

std::uint32_t fasttext_hash(std::string_view bytes) {
  std::uint32_t hash = 2166136261u;
  for (const char byte : bytes) {
    // Through int8_t: the sign extension is part of the hash fastText's models were made with.
    hash ^= static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<std::int8_t>(byte)));
    hash *= 16777619u;
  }
  return hash;
}

void for_each_char_ngram(std::string_view word, CharNgramRange range,
                         const std::function<void(std::string_view)>& visit) {
  if (range.maxn == 0) return;
  std::string bracketed;
  bracketed.reserve(word.size() + 2);
  bracketed.push_back('<');
  bracketed.append(word);
  bracketed.push_back('>');
  const std::string_view text(bracketed);
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (is_continuation_byte(text[start])) continue;
    std::size_t end = start;
    for (std::uint32_t length = 1; end < text.size() && length <= range.maxn; ++length) {
      ++end;
      while (end < text.size() && is_continuation_byte(text[end])) ++end;
      // A lone bracket says only "a word starts (ends) here", which every word shares.
      const bool lone_bracket = length == 1 && (start == 0 || end == text.size());
      if (length >= range.minn && !lone_bracket) visit(text.substr(start, end - start));
    }
  }
}

std::vector<std::uint64_t> char_ngram_buckets(std::string_view word, CharNgramRange range,
                                              std::uint64_t buckets) {
  std::vector<std::uint64_t> found;
  if (buckets == 0) return found;
  for_each_char_ngram(word, range, [&](std::string_view ngram) {
    found.push_back(fasttext_hash(ngram) % buckets);
  });
  return found;
}

}  // namespace embedtool
