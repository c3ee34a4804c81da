// `embedtool index MODEL.emb...`: add the row norms section to models written without it, so
// that `lookup --nearest` reads only the rows (pipeline/add_row_norms.h).
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "embedtool/pipeline/add_row_norms.h"

namespace embedtool::cli {

namespace {

struct IndexOptions {
  std::vector<std::string> models;
};

void run_index(const IndexOptions& options) {
  for (const std::string& model : options.models) {
    const RowNormsResult result = add_row_norms(model);
    if (result.added) {
      spdlog::info("{}: row norms of {} rows added (format version {} rewritten as the current one)",
                   model, result.rows, result.old_version);
    } else {
      spdlog::info("{}: already has its row norms; left as it was", model);
    }
  }
}

}  // namespace

void add_index_command(CLI::App& parent) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* command = parent.add_subcommand(
      "index",
      "Add what `lookup --nearest` needs beyond the rows (each row's length) to .emb models "
      "written without it. The model is verified completely and rewritten atomically; models "
      "written by train or convert already have it.");
  command->add_option("models", options->models, "The .emb files to index, each in place")
      ->required()
      ->check(CLI::ExistingFile);
  add_quiet_option(*command);
  command->callback([options] { run_index(*options); });
}

}  // namespace embedtool::cli
