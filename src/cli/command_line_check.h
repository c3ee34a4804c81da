#pragma once
// Reads a command line against the options the app declares, before CLI11 parses it, for the
// mistakes CLI11 2.1 lets through or reports without a hint:
//  - a value that looks like an option (`lookup -o --format npy`): CLI11 takes whatever word
//    follows an option as its value, and wrote a file named `--format`;
//  - a misspelt subcommand (`trian`): CLI11 says only "A subcommand is required";
//  - an unknown option (`--maxlen`, `--output_dim`, `-epoch`): CLI11 says "not expected"; here
//    the hint names the nearest option, or ours for a name other tools use.
// Everything else (values, counts, requirements) is left to CLI11.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace embedtool::cli {

// Throws UsageError, one line naming the mistake and the help to read, at the first mistake in
// `args` (the words after the program's name).
void check_command_line(const CLI::App& app, const std::vector<std::string>& args);

// The option of `command` that `typed` (any spelling: `--output_dim`, `-minCount`, `maxlen`)
// most likely means, as `--long-name`, and whose name it is when another tool's (`Keras'
// maxlen`); nullopt when none is near. Settings files use it for their keys too.
struct OptionGuess {
  std::string name;
  std::string whose;  // empty for a typo
};
std::optional<OptionGuess> guess_option(const CLI::App& command, const std::string& typed);

}  // namespace embedtool::cli
