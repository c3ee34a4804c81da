#pragma once
// The output of `lookup WORD...`: one row per answered query, labelled with the query word (or,
// with --ids, the row's word) so that a row can always be matched to its query.
//   text  word v1 ... vD            (word2vec's text format, without its count line)
//   tsv   word<TAB>v1<TAB>...<TAB>vD  (--header: word, v1 ... vD)
//   json  {"word":…,"id":…,"vector":[…]}   (id null for the zero vector of --oov zero)
//   npy   a float32 array of shape (rows, D), written when the input ends
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <Eigen/Core>

#include "embedtool/formats/lookup_output.h"
#include "embedtool/query/row_lookup.h"

namespace embedtool {

// One row, with its "\n", in a text format (not npy).
void append_vector_row(std::string& out, const LookupStyle& style, std::string_view label,
                       std::optional<WordId> id, const Eigen::Ref<const Eigen::RowVectorXf>& row);

class VectorRowsWriter {
 public:
  // Writes the tsv header if the style asks for one.
  VectorRowsWriter(LookupOutput& output, std::uint64_t dims);

  void write(const LookupRow& row);
  // Ends the output (the .npy array has shape rows × dims).
  void finish();

 private:
  LookupOutput& output_;
  std::uint64_t dims_;
  std::uint64_t rows_ = 0;
  std::string text_;
};

}  // namespace embedtool
