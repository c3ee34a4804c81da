#pragma once
// What `embedtool lookup` was asked for, filled in by cmd_lookup.cpp and read by the lookup_*
// files that each answer one kind of query (vectors, batches, neighbours, similarities).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/row_text.h"

namespace embedtool::cli {

enum class OutputFormat { text, tsv, json, npy };

// What a word missing from the vocabulary gives. Every policy but skip keeps one output row per
// input word, so rows never shift; skip says on stderr what it left out.
enum class OovPolicy { error, skip, zero, unk };

// The vector of padding id 0 in --batch output: zeros (as Keras' mask_zero expects) or row 0.
enum class PadVector { zero, row };

struct LookupOptions {
  std::vector<std::string> queries;
  std::string model_path = "model.emb";
  std::string output = "-";
  LoadOptions load;
  bool by_id = false;
  bool batch = false;
  std::optional<std::size_t> nearest;
  bool similarity = false;
  OutputFormat format = OutputFormat::text;
  bool header = false;
  Precision precision;
  bool normalize = false;
  OovPolicy oov = OovPolicy::error;
  PadVector pad_vector = PadVector::zero;
};

}  // namespace embedtool::cli
