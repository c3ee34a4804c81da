#pragma once
// `convert VECTORS OUT --rows-from VOCAB`: its options, declared beside convert's own, and its run.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/save_vectors.h"
#include "embedtool/pipeline/rows_from_vocabulary.h"

namespace embedtool::cli {

struct RowsFromCliOptions {
  std::optional<std::string> vocabulary_path;
  RowsFromOptions rows;
  // Set by add_rows_from_options, to tell given options from defaults.
  CLI::Option* missing_option = nullptr;
  CLI::Option* seed_option = nullptr;
};

// --rows-from FILE, --missing zero|random, --seed N.
void add_rows_from_options(CLI::App& command, RowsFromCliOptions& options);

// Throws UsageError for --missing or --seed without --rows-from, or --seed without
// --missing random: options that would otherwise be ignored in silence.
void check_rows_from_options(const RowsFromCliOptions& options);

// Builds E by the vocabulary's ids, logs the coverage line and writes `output`.
void run_rows_from(const std::string& input, const LoadOptions& load, const RowsFromCliOptions& options,
                   const std::string& output, const SaveOptions& save);

}  // namespace embedtool::cli
