#pragma once
// A word's character n-grams as fastText defines them, so that subword rows trained by fastText
// (or by embedtool, which must interchange with it) are addressed exactly as fastText does.
//
// The n-grams are taken from "<" + word + ">" (the brackets mark the word's start and end), of
// minn to maxn characters, where a character is a UTF-8 lead byte with its continuation bytes
// (a stray continuation byte joins the character before it, as fastText counts). The brackets
// alone ("<" and ">") are not n-grams. Each n-gram's bucket is fasttext_hash(n-gram) mod
// buckets; a model's n-gram rows are then numbered from its word count on.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace embedtool {

// 32-bit FNV-1a as fastText 0.9.2 computes it: each byte is taken as a *signed* char and
// sign-extended before the xor (so bytes >= 0x80 xor in 0xFFFFFFxx). The released fastText models
// were trained that way, so this is the hash that finds their rows, not the textbook FNV-1a.
std::uint32_t fasttext_hash(std::string_view bytes);

struct CharNgramRange {
  std::uint32_t minn = 0;  // shortest n-gram, in characters
  std::uint32_t maxn = 0;  // longest; 0 means the model has no n-grams
};

// Calls `visit` with each n-gram of "<" + word + ">", in fastText's order: by start character,
// then by length.
void for_each_char_ngram(std::string_view word, CharNgramRange range,
                         const std::function<void(std::string_view)>& visit);

// The buckets (0 .. buckets-1) of the word's n-grams, in that order, repeats kept (each occurrence
// counts in the mean). Empty when buckets is 0 or maxn is 0.
std::vector<std::uint64_t> char_ngram_buckets(std::string_view word, CharNgramRange range,
                                              std::uint64_t buckets);

}  // namespace embedtool
