#pragma once
// `convert VECTORS OUT --rows-from VOCAB` as one library call: both files read, E built
// (rows_from_vocabulary.h), ready for save_vectors in any output format.
#include <string>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/pipeline/rows_from_vocabulary.h"

namespace embedtool {

struct RowsFromJob {
  std::string vectors_path;  // any format load_vectors reads
  LoadOptions load;
  std::string vocabulary_path;  // a `vocab` file or a model (.emb), as `pad --vocab` takes
  RowsFromOptions rows;
};

// The vocabulary is read first: it is small, and a corrupt one is reported before a large
// vector file is read for nothing. The model's metadata says where its rows came from, and
// carries the tokenizer settings of a model given as the vocabulary, so that `pad --vocab` on
// an .emb output splits text as the model's corpus was. Throws UsageError if both paths are
// "-", Error naming the file for anything unreadable or for vectors holding no word.
RowsFromResult rows_from_files(const RowsFromJob& job);

}  // namespace embedtool
