#include "lookup_similarity.h"

#include <spdlog/spdlog.h>

#include "embedtool/errors.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/row_text.h"
#include "embedtool/query/cosine.h"
#include "exit_status.h"
#include "lookup_input.h"
#include "lookup_output.h"
#include "lookup_words.h"

namespace embedtool::cli {

namespace {

void format_pair(const LookupOptions& options, const std::string& a, const std::string& b,
                 float similarity, std::string& text) {
  if (options.format == OutputFormat::json) {
    text.append("{\"word1\":");
    append_json_string(text, a);
    text.append(",\"word2\":");
    append_json_string(text, b);
    text.append(",\"similarity\":");
    append_number(text, similarity, options.precision);
    text.append("}\n");
    return;
  }
  text.append(a).push_back('\t');
  text.append(b).push_back('\t');
  append_number(text, similarity, options.precision);
  text.push_back('\n');
}

}  // namespace

void run_similarity_lookup(const LookupOptions& options) {
  std::vector<std::string> arguments;
  for (const std::string& query : options.queries) split_tokens(query, arguments);
  if (arguments.size() % 2 != 0) {
    throw UsageError("--similarity takes words in pairs: " + std::to_string(arguments.size()) +
                     " words given");
  }
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const QueryResolver resolver([&](std::string_view word) { return table->id_of(word); },
                               table->rows(), options.model_path, options.by_id);
  LookupOutput output(options);
  if (options.header && options.format == OutputFormat::tsv) {
    output.write_text("word1\tword2\tsimilarity\n");
  }
  std::size_t failures = 0;
  const auto fail = [&](const std::string& problem) {
    if (options.oov == OovPolicy::skip) {
      spdlog::warn("skipped {}", problem);
    } else {
      spdlog::error(problem);
      ++failures;
    }
  };
  std::string text;
  const auto answer = [&](const std::string& a, const std::string& b) {
    const ResolvedQuery x = resolver.resolve(a);
    const ResolvedQuery y = resolver.resolve(b);
    if (!x.id || !y.id) {
      if (!x.id) fail(x.problem);
      if (!y.id) fail(y.problem);
      return;
    }
    text.clear();
    format_pair(options, a, b, static_cast<float>(cosine(table->row(*x.id), table->row(*y.id))),
                text);
    output.write_text(text);
  };

  for_each_query_line(options.queries, [&](const QueryLine& line) {
    if (line.number == 0) {
      for (std::size_t i = 0; i + 1 < line.tokens.size(); i += 2) answer(line.tokens[i], line.tokens[i + 1]);
    } else if (line.tokens.size() == 2) {
      answer(line.tokens[0], line.tokens[1]);
    } else if (!line.tokens.empty()) {
      spdlog::error("line {} of <stdin> has {} words, not 2: --similarity reads one pair per line",
                    line.number, line.tokens.size());
      ++failures;
    }
    output.end_of_line(line.more_ready);
  });
  output.finish();
  if (failures > 0) throw ExitStatus{1};
}

}  // namespace embedtool::cli
