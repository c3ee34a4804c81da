#include "lookup_nearest.h"

#include <iostream>
#include <optional>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "embedtool/formats/neighbours_output.h"
#include "embedtool/errors.h"
#include "embedtool/query/model_ann_index.h"
#include "embedtool/query/nearest_lookup.h"
#include "embedtool/query/query_lines.h"
#include "lookup_wiring.h"
#include "nearest_norms_hint.h"

namespace embedtool::cli {

void run_nearest_lookup(const LookupOptions& options) {
  // An .emb file is mapped and its rows searched in place, one pass per group of queries; other
  // formats are read into memory first. Nothing is normalized or copied either way.
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const OovPolicy oov = resolve_oov_policy(options.oov, table->has_subwords(), options.model_path);
  // The model's ANN index, if it has one beside it: the search visits a few thousand rows.
  std::optional<ModelAnnIndex> ann;
  if (!options.exact) ann = open_model_ann_index(options.model_path, *table);
  if (options.ef && !ann) {
    throw UsageError("--ef is the beam of a search through an ANN index, and " + options.model_path +
                     " has none this search can use (`embedtool index --ann " + options.model_path +
                     "` builds one; with --limit the search is exact)");
  }
  NearestLookup lookup(*table, options.model_path, options.by_id, *options.nearest, oov, 0,
                       ann ? &ann->search : nullptr, options.ef.value_or(0));
  suggest_norms_index(lookup, options.model_path);
  LookupOutput output(options.output, options.style);
  NeighboursWriter neighbours(output);
  QueryProblemLog problems;
  const auto answer_pending = [&] {
    for (const NearestAnswer& answer : lookup.answer_pending()) {
      // Nothing to print would otherwise look like an answer.
      if (answer.zero_query)
        spdlog::warn("{}: its vector is zero, so it has no nearest neighbours", answer.label);
      neighbours.write(answer, lookup.table());
    }
  };
  std::vector<QueryProblem> found;
  for_each_query_line(options.queries, std::cin, kStdinName, [&](const QueryLine& line) {
    found.clear();
    const bool answer_now = lookup.add_line(line.tokens, line.more_ready, found);
    problems.report(found);
    if (answer_now) answer_pending();
    output.end_of_line(line.more_ready);
  });
  answer_pending();
  output.finish();
  problems.exit_if_failed();
}

}  // namespace embedtool::cli
