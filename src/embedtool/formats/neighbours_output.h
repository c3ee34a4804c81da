#pragma once
// The output of `lookup --nearest K`, one answer per query, best neighbour first:
//   text, tsv  query<TAB>neighbour<TAB>similarity, a line per neighbour (tsv --header names the
//              columns); a query without neighbours prints nothing
//   json       {"query":…,"neighbours":[{"word":…,"similarity":…},…]}, a line per query
// (No npy: the answers are words.)
#include <string>

#include "embedtool/formats/lookup_output.h"
#include "embedtool/query/nearest_lookup.h"
#include "embedtool/storage/vector_table.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

inline constexpr std::string_view kNeighboursHeader = "query\tneighbour\tsimilarity\n";

// One answer in a text format; `vocabulary` names the neighbours' rows.
void append_neighbours(std::string& out, const LookupStyle& style, const NearestAnswer& answer,
                       const Vocabulary& vocabulary);
void append_neighbours(std::string& out, const LookupStyle& style, const NearestAnswer& answer,
                       const VectorTable& table);

class NeighboursWriter {
 public:
  // Writes the tsv header if the style asks for one.
  explicit NeighboursWriter(LookupOutput& output);
  void write(const NearestAnswer& answer, const Vocabulary& vocabulary);
  void write(const NearestAnswer& answer, const VectorTable& table);

 private:
  LookupOutput& output_;
  std::string text_;
};

}  // namespace embedtool
