#include "lookup_vectors.h"

#include <iostream>
#include <variant>

#include "embedtool/formats/vector_rows_output.h"
#include "embedtool/query/query_lines.h"
#include "embedtool/query/row_lookup.h"
#include "lookup_wiring.h"

namespace embedtool::cli {

void run_vector_lookup(const LookupOptions& options) {
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const QueryResolver resolver = table_resolver(*table, options.model_path, options.by_id);
  const OovPolicy oov = resolve_oov_policy(options.oov, table->has_subwords(), options.model_path);
  const RowLookup lookup(
      resolver, [&](WordId id) { return table->row(id); },
      [&](WordId id) { return table->word(id); }, table->dims(), oov, options.normalize,
      [&](std::string_view word) { return table->subword_vector(word); });
  LookupOutput output(options.output, options.style);
  VectorRowsWriter rows(output, table->dims());
  QueryProblemLog problems;
  for_each_query_line(options.queries, std::cin, kStdinName, [&](const QueryLine& line) {
    for (const std::string& query : line.tokens) {
      const auto found = lookup.find(query);
      if (const auto* row = std::get_if<LookupRow>(&found)) {
        rows.write(*row);
      } else {
        problems.report(std::get<QueryProblem>(found));
      }
    }
    output.end_of_line(line.more_ready);
  });
  rows.finish();
  problems.exit_if_failed();
}

}  // namespace embedtool::cli
