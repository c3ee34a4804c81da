#pragma once
// Options that several subcommands share, declared once so they read the same everywhere.
#include <CLI/CLI.hpp>

#include "embedtool/text/tokenizer.h"

namespace embedtool::cli {

// --lowercase/--no-lowercase, --filter/--no-filter, --filters, --unicode-errors.
void add_tokenizer_options(CLI::App& command, TokenizerOptions& options);

// --quiet: only errors on stderr.
void add_quiet_option(CLI::App& command);

}  // namespace embedtool::cli
