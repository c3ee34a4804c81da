#pragma once
// --config FILE.json for a subcommand. The file is a flat JSON object whose keys are the
// subcommand's long option names (`output_dim` or `output-dim`) and whose values are numbers,
// strings, booleans or lists of those; null means "not set". Options given on the command line
// win over the file. An unknown key, or a value the option rejects, is a usage error naming it.
//
// (CLI11 2.1's own config support only reads files given to the top-level app, so subcommands
// apply their file themselves, through the same Option calls CLI11 uses for its config files.)
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace embedtool::cli {

// Adds --config to `command`. Declare it before the other options: CLI11 runs option callbacks
// in declaration order, and this one must fill in the others before theirs run.
void add_settings_file_option(CLI::App& command);

// One key of a settings file, its value(s) as text for CLI11 to convert; no values = null.
struct Setting {
  std::string key;                  // as written in the file
  std::vector<std::string> values;
};

// Parses a settings file's text. Throws UsageError naming `path` when it is not a JSON object
// of scalars and lists of scalars.
std::vector<Setting> parse_settings(const std::string& text, const std::string& path);

// Applies the settings in `path` to the options of `command` not given on the command line.
void apply_settings_file(CLI::App& command, const std::string& path);

}  // namespace embedtool::cli
