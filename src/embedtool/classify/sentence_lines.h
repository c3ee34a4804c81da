#pragma once
// `embedtool lookup --sentence`: one vector per input line, h as the model forms it
// (sentence_vectors.h), in lookup's vector formats:
//   text  v1 … vD   (fastText's print-sentence-vectors; no label, since a line has spaces)
//   tsv   v1<TAB>…<TAB>vD   (--header: v1 … vD)
//   json  {"vector":[…]}
//   npy   a float32 array of shape (lines, D), written when the input ends
// Row i is line i: a line without any word the model knows gets the zero vector, so that rows
// never shift.
#include <cstdint>

#include "embedtool/classify/sentence_vectors.h"
#include "embedtool/formats/lookup_output.h"
#include "embedtool/text/line_reader.h"

namespace embedtool {

class SentenceRowsWriter {
 public:
  // `normalize`: each vector scaled to unit length (a zero vector stays zero).
  SentenceRowsWriter(SentenceVectors& sentences, LookupOutput& output, bool normalize);

  // Writes the vector of every line of `lines`; several inputs may follow one another.
  // Throws Error on a read failure or invalid UTF-8 (naming the line).
  void write_lines(LineReader& lines);
  // Ends the output (the .npy array is written).
  void finish();

  std::uint64_t lines() const { return rows_; }
  std::uint64_t lines_without_input() const { return without_input_; }

 private:
  SentenceVectors& sentences_;
  LookupOutput& output_;
  bool normalize_;
  std::uint64_t rows_ = 0;
  std::uint64_t without_input_ = 0;
  std::string text_;
};

}  // namespace embedtool
