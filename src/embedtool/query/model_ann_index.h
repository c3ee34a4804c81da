#pragma once
// The ANN index `lookup --nearest` searches through when the model has one beside it
// (MODEL.emb.ann, storage/ann_index_file.h), opened over the model's mapped rows.
#include <memory>
#include <optional>
#include <string>

#include "embedtool/query/ann_search.h"
#include "embedtool/storage/ann_index_file.h"
#include "embedtool/storage/vector_table.h"

namespace embedtool {

struct ModelAnnIndex {
  std::unique_ptr<AnnIndexFile> file;  // kept in one place: the search reads its mapping
  AnnSearch search;
};

// nullopt when `table` is not a mapped .emb model, shows only its first words (--limit: the
// index links every row, and answers must come from the visible ones), or has no index beside
// it. Throws Error if the index is damaged or belongs to another version of the model.
std::optional<ModelAnnIndex> open_model_ann_index(const std::string& model_path, const VectorTable& table,
                                                  unsigned threads = 0);

}  // namespace embedtool
