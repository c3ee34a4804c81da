#pragma once
// `embedtool index MODEL.emb`: give a model written before format version 5 (or by another tool)
// the row norms section that lets `lookup --nearest` read nothing but the rows.
//
// The header grows with the version (the norms' fields come after version 4's 288 bytes), so
// every section moves: the model is read and verified completely and written again as the
// current version, atomically (atomic_file.h), replacing the file only once the new one is
// whole. A damaged model is refused rather than given norms.
#include <cstdint>
#include <string>

namespace embedtool {

struct RowNormsResult {
  bool added = false;             // false: the file had them already and was left alone
  std::uint32_t old_version = 0;  // the file's format version before
  std::uint64_t rows = 0;
};

// Throws Error (naming the file) if it cannot be read, is not a sound .emb model, or cannot be
// written.
RowNormsResult add_row_norms(const std::string& path);

}  // namespace embedtool
