#pragma once
// A subcommand's name as a user types it after `embedtool`: "lookup", or "plot map" for a
// command of a command; "" for the program itself. Help hints, examples and checks name
// commands by it.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace embedtool::cli {

std::string command_path(const CLI::App& command);

// Every subcommand of `app`, at any depth, each before its own.
std::vector<CLI::App*> all_commands(CLI::App& app);

// The deepest subcommand chosen on the parsed command line (`plot map` rather than `plot`), or
// null when none was.
const CLI::App* deepest_chosen_command(const CLI::App& app);

}  // namespace embedtool::cli
