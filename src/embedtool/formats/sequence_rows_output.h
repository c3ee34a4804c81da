#pragma once
// The output of `lookup --batch`, Y = E[X] for B padded sequences of length L (D = output_dim):
//   npy   a float32 array of shape (B, L, D), written when the input ends;
//   text  one line per sequence: its L·D numbers, position by position, separated by spaces
//         (numpy: np.loadtxt(f, ndmin=2).reshape(-1, L, D));
//   tsv   one line per position: sequence index, position, id, then the D numbers (0-based
//         indices, as numpy's), with --header a first line naming the columns;
//   json  one object per sequence: {"ids":[...],"vectors":[[...], ...]}.
// Text formats stream (a line out per line in).
#include <cstdint>
#include <span>
#include <string>

#include "embedtool/formats/lookup_output.h"
#include "embedtool/model.h"

namespace embedtool {

// Y[index] (`rows`, one per id of `ids`) in a text format (not npy).
void append_sequence_rows(std::string& out, const LookupStyle& style, std::uint64_t index,
                          std::span<const WordId> ids, const Matrix& rows);

class SequenceRowsWriter {
 public:
  // Writes the tsv header if the style asks for one.
  SequenceRowsWriter(LookupOutput& output, std::uint64_t dims);

  // The next sequence's rows.
  void write(std::span<const WordId> ids, const Matrix& rows);
  // Ends the output; the .npy array has shape sequences × `length` × dims.
  void finish(std::uint64_t length);

 private:
  LookupOutput& output_;
  std::uint64_t dims_;
  std::uint64_t sequences_ = 0;
  std::string text_;
};

}  // namespace embedtool
