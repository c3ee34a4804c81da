#pragma once
// How `--help` shows an option: its value as a word (`--padding pre|post=pre`, `--window INT=5`),
// never CLI11 2.1's internals (`ENUM:value in {post->1,pre->0} OR {1,0}`, a flag's `{false}`,
// a validator's description), and what it needs or excludes in its description.
#include <memory>

#include <CLI/CLI.hpp>

namespace embedtool::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* option, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
};

// Set on the top-level app before any subcommand is added: subcommands copy it when created.
std::shared_ptr<CLI::Formatter> make_help_formatter();

}  // namespace embedtool::cli
