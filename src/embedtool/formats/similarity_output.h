#pragma once
// The output of `lookup --similarity`, one line per pair:
//   text, tsv  a<TAB>b<TAB>cosine (tsv --header names the columns)
//   json       {"word1":…,"word2":…,"similarity":…}
// (No npy: the answers are labelled by words.)
#include <string>
#include <string_view>

#include "embedtool/formats/lookup_output.h"

namespace embedtool {

inline constexpr std::string_view kSimilarityHeader = "word1\tword2\tsimilarity\n";

// One pair in a text format.
void append_similarity(std::string& out, const LookupStyle& style, std::string_view first,
                       std::string_view second, float similarity);

class SimilarityWriter {
 public:
  // Writes the tsv header if the style asks for one.
  explicit SimilarityWriter(LookupOutput& output);
  void write(std::string_view first, std::string_view second, float similarity);

 private:
  LookupOutput& output_;
  std::string text_;
};

}  // namespace embedtool
