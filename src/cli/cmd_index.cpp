// `embedtool index MODEL.emb...`: add the row norms section to models written without it, so
// that `lookup --nearest` reads only the rows (pipeline/add_row_norms.h); with --ann, also build
// the approximate nearest-neighbour index beside each model (pipeline/add_ann_index.h).
#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "embedtool/pipeline/add_ann_index.h"
#include "embedtool/pipeline/add_row_norms.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct IndexOptions {
  std::vector<std::string> models;
  bool ann = false;
  AnnBuildSettings build;
};

// Every tenth of the rows, on a terminal only: a million rows take minutes.
void show_build_progress(std::uint64_t done, std::uint64_t total) {
  static thread_local std::uint64_t last_tenth = 0;
  const std::uint64_t tenth = total == 0 ? 10 : done * 10 / total;
  if (done == 0) last_tenth = 0;
  if (tenth == last_tenth || tenth >= 10) return;
  last_tenth = tenth;
  spdlog::info("index: {} of {} rows linked ({}%)", done, total, tenth * 10);
}

void run_index(IndexOptions& options) {
  if (::isatty(STDERR_FILENO)) options.build.progress = show_build_progress;
  for (const std::string& model : options.models) {
    if (options.ann) {
      const AnnIndexResult result = add_ann_index(model, options.build);
      if (result.norms_added) spdlog::info("{}: row norms of {} rows added", model, result.rows);
      spdlog::info("{}: ANN index of {} rows (M {}, ef_construction {}, ef {}) built in {:.1f} s: {}, {} bytes",
                   model, result.nodes, result.parameters.links, result.parameters.ef_construction,
                   result.parameters.ef_search, result.build_seconds, result.index_path, result.index_bytes);
      continue;
    }
    const RowNormsResult result = add_row_norms(model);
    if (result.added) {
      spdlog::info("{}: row norms of {} rows added (format version {} rewritten as the current one)",
                   model, result.rows, result.old_version);
    } else {
      spdlog::info("{}: already has its row norms; left as it was", model);
    }
  }
}

void add_ann_options(CLI::App& command, IndexOptions& options) {
  const std::string group = "ANN index (--ann)";
  AnnParameters& parameters = options.build.parameters;
  command
      .add_flag("--ann", options.ann,
                "Also build an approximate nearest-neighbour index (HNSW) and write it beside "
                "each model as MODEL.emb.ann: `lookup --nearest` then visits a few thousand "
                "rows a query instead of all of them (--exact bypasses it)")
      ->group(group);
  command
      .add_option("--links", parameters.links,
                  "Links each row keeps to its near rows (HNSW's M; level 0 keeps twice as "
                  "many): more gives better recall and a larger, slower-built index")
      ->capture_default_str()
      ->check(between(2u, 512u))
      ->option_text("M")
      ->needs("--ann")
      ->group(group);
  command
      .add_option("--ef-construction", parameters.ef_construction,
                  "Candidates each row's links are chosen from while building: more gives a "
                  "better graph and a slower build")
      ->capture_default_str()
      ->check(between(1u, 100000u))
      ->option_text("N")
      ->needs("--ann")
      ->group(group);
  command
      .add_option("--ef", parameters.ef_search,
                  "The search beam stored as the index's default (`lookup --ef` overrides it): "
                  "more gives better recall and slower queries")
      ->capture_default_str()
      ->check(between(1u, 100000u))
      ->option_text("N")
      ->needs("--ann")
      ->group(group);
  command
      .add_option("--threads", options.build.threads,
                  "Threads building the index (default: all cores); the graph differs from run "
                  "to run with more than one")
      ->check(between(1u, 1024u))
      ->option_text("N")
      ->needs("--ann")
      ->group(group);
}

}  // namespace

void add_index_command(CLI::App& parent) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* command = parent.add_subcommand(
      "index",
      "Add what `lookup --nearest` needs beyond the rows (each row's length) to .emb models "
      "written without it. The model is verified completely and rewritten atomically; models "
      "written by train or convert already have it. With --ann, also build an approximate "
      "nearest-neighbour index beside each model.");
  command->add_option("models", options->models, "The .emb files to index, each in place")
      ->required()
      ->check(CLI::ExistingFile);
  add_ann_options(*command, *options);
  add_quiet_option(*command);
  command->callback([options] { run_index(*options); });
}

}  // namespace embedtool::cli
