#include "lookup_similarity.h"

#include <iostream>
#include <vector>

#include "embedtool/formats/similarity_output.h"
#include "embedtool/query/query_lines.h"
#include "embedtool/query/query_tokens.h"
#include "embedtool/query/similarity_lookup.h"
#include "lookup_wiring.h"

namespace embedtool::cli {

void run_similarity_lookup(const LookupOptions& options) {
  std::vector<std::string> arguments;
  for (const std::string& query : options.queries) split_tokens(query, arguments);
  check_similarity_arguments(arguments.size());
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const QueryResolver resolver = table_resolver(*table, options.model_path, options.by_id);
  const OovPolicy oov = resolve_oov_policy(options.oov, table->has_subwords(), options.model_path);
  const SimilarityLookup lookup(
      resolver, [&](WordId id) { return table->row(id); }, oov,
      [&](std::string_view word) { return table->subword_vector(word); });
  LookupOutput output(options.output, options.style);
  SimilarityWriter similarities(output);
  QueryProblemLog problems;
  std::vector<QueryProblem> found;
  for_each_query_line(options.queries, std::cin, kStdinName, [&](const QueryLine& line) {
    found.clear();
    const std::vector<WordPairQuery> pairs = similarity_pairs(line.tokens, line.number, found);
    problems.report(found);
    for (const WordPairQuery& pair : pairs) {
      found.clear();
      const std::optional<float> similarity = lookup.similarity(pair, found);
      problems.report(found);
      if (similarity) similarities.write(pair.first, pair.second, *similarity);
    }
    output.end_of_line(line.more_ready);
  });
  output.finish();
  problems.exit_if_failed();
}

}  // namespace embedtool::cli
