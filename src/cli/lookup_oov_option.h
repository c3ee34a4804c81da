#pragma once
// lookup's --oov: what a word the model lacks gets. Unset, the model decides (subword for a
// fastText .bin with n-gram rows, error for the others), so the option fills an optional.
#include <optional>

#include <CLI/CLI.hpp>

#include "embedtool/query/oov_policy.h"

namespace embedtool::cli {

void add_oov_option(CLI::App& command, std::optional<OovPolicy>& policy);

}  // namespace embedtool::cli
