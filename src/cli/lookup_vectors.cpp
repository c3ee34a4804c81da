#include "lookup_vectors.h"

#include <spdlog/spdlog.h>

#include "embedtool/formats/row_text.h"
#include "exit_status.h"
#include "lookup_input.h"
#include "lookup_output.h"
#include "lookup_words.h"

namespace embedtool::cli {

namespace {

// One output row per answered query, labelled with the query word (or, with --ids, the row's
// word) so that a row can always be matched to its query.
class VectorRows {
 public:
  VectorRows(LookupOutput& output, std::uint64_t dims) : output_(output), dims_(dims) {
    const LookupOptions& options = output.options();
    if (options.header && options.format == OutputFormat::tsv) {
      std::string header = "word";
      for (std::uint64_t i = 1; i <= dims; ++i) header += "\tv" + std::to_string(i);
      output.write_text(header + "\n");
    }
  }

  // `id` is the row's id, or nullopt for the zero vector of --oov zero.
  void write(std::string_view word, std::optional<WordId> id, const Eigen::RowVectorXf& raw) {
    const LookupOptions& options = output_.options();
    const Eigen::RowVectorXf row = prepared_row(raw, options);
    ++rows_;
    std::string& text = text_;
    text.clear();
    switch (options.format) {
      case OutputFormat::npy:
        output_.append_npy_row(row);
        return;
      case OutputFormat::text:
        text.append(word);
        append_numbers(text, row, ' ', options.precision);
        break;
      case OutputFormat::tsv:
        text.append(word);
        append_numbers(text, row, '\t', options.precision);
        break;
      case OutputFormat::json:
        text.append("{\"word\":");
        append_json_string(text, word);
        text.append(",\"id\":");
        text.append(id ? std::to_string(*id) : "null");
        text.append(",\"vector\":");
        append_json_array(text, row, options.precision);
        text.push_back('}');
        break;
    }
    text.push_back('\n');
    output_.write_text(text);
  }

  void finish() {
    const std::uint64_t shape[] = {rows_, dims_};
    output_.finish(shape);
  }

 private:
  LookupOutput& output_;
  std::uint64_t dims_;
  std::uint64_t rows_ = 0;
  std::string text_;
};

}  // namespace

void run_vector_lookup(const LookupOptions& options) {
  const std::unique_ptr<VectorTable> table = open_vectors(options.model_path, options.load);
  const QueryResolver resolver([&](std::string_view word) { return table->id_of(word); },
                               table->rows(), options.model_path, options.by_id);
  LookupOutput output(options);
  VectorRows rows(output, table->dims());
  std::size_t failures = 0;

  const auto answer = [&](const std::string& query) {
    const ResolvedQuery resolved = resolver.resolve(query);
    if (resolved.id) {
      const std::string_view label = options.by_id ? table->word(*resolved.id) : query;
      rows.write(label, resolved.id, table->row(*resolved.id));
      return;
    }
    if (!resolved.out_of_vocabulary || options.oov == OovPolicy::error) {
      spdlog::error(resolved.problem);
      ++failures;
      return;
    }
    switch (options.oov) {
      case OovPolicy::skip:
        // Not silent: the rows after it move up, so whoever reads them must know.
        spdlog::warn("skipped {}", resolved.problem);
        break;
      case OovPolicy::zero:
        rows.write(query, std::nullopt,
                   Eigen::RowVectorXf::Zero(static_cast<Eigen::Index>(table->dims())));
        break;
      case OovPolicy::unk:
        rows.write(query, kUnknownId, table->row(kUnknownId));
        break;
      case OovPolicy::error:
        break;
    }
  };

  for_each_query_line(options.queries, [&](const QueryLine& line) {
    for (const std::string& query : line.tokens) answer(query);
    output.end_of_line(line.more_ready);
  });
  rows.finish();
  // Each failed query was named on stderr as it happened; the status tells scripts about them.
  if (failures > 0) throw ExitStatus{1};
}

}  // namespace embedtool::cli
