#pragma once
// Which rows of E a word map shows, read from a model one row at a time (a mapped .emb file is
// not read beyond the rows asked for): the words a user names, or the model's first words,
// which are its most frequent in an embedtool model (the vocabulary is ordered by count) and in
// word2vec, GloVe and fastText files as their tools write them.
//
// Rows are scaled to unit length: neighbours (`lookup --nearest`) are found by cosine, which
// ignores length, so the map shows the same closeness they do; without it, frequent words, whose
// vectors are longer, would sit apart from the rest for their length alone. A zero row stays 0.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "embedtool/storage/vector_table.h"

namespace embedtool {

struct MapRows {
  std::vector<std::string> words;
  Eigen::MatrixXd rows;  // one per word, unit length
};

// The rows of `words` in the order given, a word named twice taken once. Throws Error when the
// model lacks any of them, naming them all in one line (one word: `lookup`'s message, with its
// hint). `model_name` names the model in it.
MapRows rows_of_words(const VectorTable& table, std::span<const std::string> words,
                      const std::string& model_name);

// The first `count` words of the model (rows 2 on: rows 0 and 1 are <pad> and <unk>), or all of
// them when it has fewer.
MapRows first_rows(const VectorTable& table, std::size_t count);

}  // namespace embedtool
