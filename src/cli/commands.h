#pragma once
// Each subcommand lives in its own file (cmd_<name>.cpp): it declares its options on `parent`,
// fills a settings struct and calls the library when it is chosen.
#include <CLI/CLI.hpp>

namespace embedtool::cli {

void add_vocab_command(CLI::App& parent);
void add_pad_command(CLI::App& parent);
void add_train_command(CLI::App& parent);
void add_lookup_command(CLI::App& parent);
void add_convert_command(CLI::App& parent);
void add_verify_command(CLI::App& parent);
void add_info_command(CLI::App& parent);
void add_eval_command(CLI::App& parent);
void add_predict_command(CLI::App& parent);
void add_test_command(CLI::App& parent);
void add_index_command(CLI::App& parent);
// `plot` has commands of its own: loss, map, confusion.
void add_plot_command(CLI::App& parent);

}  // namespace embedtool::cli
