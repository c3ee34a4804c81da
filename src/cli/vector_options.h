#pragma once
// The options that say how to read or write a vector file of any format, declared once for the
// subcommands that take one (lookup, convert, info, verify; eval and train --init may too).
#include <CLI/CLI.hpp>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/save_vectors.h"

namespace embedtool::cli {

// --from FORMAT, --limit N, --vocab FILE, --unicode-errors strict|replace|ignore.
void add_vector_read_options(CLI::App& command, LoadOptions& options);

// --dtype float32|float16: the value type of an .emb or .npy output.
void add_dtype_option(CLI::App& command, Dtype& dtype);

// --to FORMAT, --dtype float32|float16.
void add_vector_write_options(CLI::App& command, SaveOptions& options);

}  // namespace embedtool::cli
