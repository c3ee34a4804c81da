#include "lookup_nearest.h"

#include <iostream>
#include <utility>
#include <vector>

#include "embedtool/formats/neighbours_output.h"
#include "embedtool/query/nearest_lookup.h"
#include "embedtool/query/query_lines.h"
#include "lookup_wiring.h"

namespace embedtool::cli {

void run_nearest_lookup(const LookupOptions& options) {
  // Every row is compared with each query, so the whole model is loaded (and an .emb file's
  // checksums verified); the matrix then moves into the index, which normalizes it in place.
  VectorsWithSubwords loaded = load_vectors_with_subwords(options.model_path, options.load);
  const VectorTable* subwords = loaded.subwords.get();
  const OovPolicy oov = resolve_oov_policy(options.oov, subwords != nullptr, options.model_path);
  NearestLookup lookup(std::move(loaded.model.vocabulary), std::move(loaded.model.vectors),
                       options.model_path, options.by_id, *options.nearest, oov,
                       [subwords](std::string_view word) -> std::optional<Eigen::RowVectorXf> {
                         if (subwords == nullptr) return std::nullopt;
                         return subwords->subword_vector(word);
                       });
  LookupOutput output(options.output, options.style);
  NeighboursWriter neighbours(output);
  QueryProblemLog problems;
  const auto answer_pending = [&] {
    for (const NearestAnswer& answer : lookup.answer_pending()) {
      neighbours.write(answer, lookup.vocabulary());
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
