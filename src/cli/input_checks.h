#pragma once
// Files given where another kind is expected, caught before a reader reports them in its own,
// misleading terms: a missing default model (say `-m`, not "cannot open model.emb"), a
// vocabulary file as a model ("cannot open vocab.metadata.tsv"), a model as a text corpus
// ("invalid UTF-8 at byte 0"). One place for every subcommand, by option name.
#include <CLI/CLI.hpp>

namespace embedtool::cli {

// Installs the checks on the subcommands of `app`; they run once a subcommand's arguments are
// parsed, before it runs.
void add_input_checks(CLI::App& app);

}  // namespace embedtool::cli
