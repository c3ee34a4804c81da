#pragma once
// What `embedtool lookup` was asked for, filled in by cmd_lookup.cpp and read by the lookup_*
// files that each wire one kind of query (vectors, batches, neighbours, similarities) to the
// library.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/lookup_output.h"
#include "embedtool/query/id_batch_gather.h"
#include "embedtool/query/oov_policy.h"

namespace embedtool::cli {

struct LookupOptions {
  std::vector<std::string> queries;
  std::string model_path = "model.emb";
  std::string output = "-";
  LoadOptions load;
  bool by_id = false;
  bool batch = false;
  std::optional<std::size_t> nearest;
  bool exact = false;             // --nearest: compare with every row even if there is an ANN index
  std::optional<std::size_t> ef;  // --nearest through an ANN index: its search beam
  bool similarity = false;
  bool sentence = false;  // queries are files of sentences: one vector per line
  LookupStyle style;  // --format, --precision, --header
  bool normalize = false;
  // Unset: subword for a model with character n-gram rows (a fastText .bin), else error
  // (resolve_oov_policy, once the model is open).
  std::optional<OovPolicy> oov;
  PadVector pad_vector = PadVector::zero;
};

}  // namespace embedtool::cli
