#pragma once
// Options that several subcommands share, declared once so they read the same everywhere.
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "embedtool/text/tokenizer.h"

namespace embedtool::cli {

// The names of --unicode-errors' modes, in the order help lists them.
std::vector<std::pair<std::string, UnicodeErrors>> unicode_error_choices();

// --lowercase/--no-lowercase, --filter/--no-filter, --filters, --unicode-errors.
void add_tokenizer_options(CLI::App& command, TokenizerOptions& options);

// Positional input files ("-" or none: standard input) and -o/--output ("-": standard output),
// for the subcommands that turn text into text.
void add_text_io_options(CLI::App& command, std::vector<std::string>& inputs, std::string& output);

// --quiet: only errors on stderr.
void add_quiet_option(CLI::App& command);

}  // namespace embedtool::cli
