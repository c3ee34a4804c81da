#include "nearest_norms_hint.h"

#include <spdlog/spdlog.h>

namespace embedtool::cli {

void suggest_norms_index(const NearestLookup& lookup, const std::string& model_path) {
  // Only .emb files can hold norms; other formats are converted first, which stores them.
  if (lookup.has_stored_norms() || !model_path.ends_with(".emb")) return;
  // Info, not a warning: the answers are the same, each query only computes the row lengths too.
  spdlog::info("{} has no stored row norms: `embedtool index {}` adds them, and --nearest then "
               "reads nothing but the rows",
               model_path, model_path);
}

}  // namespace embedtool::cli
