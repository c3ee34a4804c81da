#pragma once
// The one line `lookup --nearest` prints on a model without stored row norms, saying how to add
// them (`embedtool index`). Apart from lookup_nearest.cpp so that the runner stays a list of calls.
#include <string>

#include "embedtool/query/nearest_lookup.h"

namespace embedtool::cli {

void suggest_norms_index(const NearestLookup& lookup, const std::string& model_path);

}  // namespace embedtool::cli
