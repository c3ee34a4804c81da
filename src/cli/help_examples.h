#pragma once
// The examples every subcommand's --help ends with, kept together in one table so that each
// command shows the same layout and none is left without (tests/e2e/help_examples.sh).
#include <CLI/CLI.hpp>

namespace embedtool::cli {

// Sets the examples as the footer of each subcommand of `app` that has some in the table.
void add_help_examples(CLI::App& app);

}  // namespace embedtool::cli
