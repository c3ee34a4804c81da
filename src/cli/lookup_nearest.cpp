#include "lookup_nearest.h"

#include <spdlog/spdlog.h>

#include "embedtool/errors.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/query/nearest.h"
#include "embedtool/formats/row_text.h"
#include "embedtool/query/vector_expression.h"
#include "exit_status.h"
#include "lookup_input.h"
#include "lookup_output.h"
#include "lookup_words.h"

namespace embedtool::cli {

namespace {

// Queries waiting for one matrix product: enough to read the matrix once for many of them, few
// enough that the first answer is not held back for long.
constexpr std::size_t kMaxPending = 256;

class NearestSession {
 public:
  NearestSession(const LookupOptions& options, Vocabulary vocabulary, Matrix vectors)
      : options_(options),
        vocabulary_(std::move(vocabulary)),
        index_(std::move(vectors)),
        resolver_([this](std::string_view word) { return vocabulary_.id_of(word); },
                  static_cast<std::uint64_t>(index_.rows()), options.model_path, options.by_id),
        output_(options) {
    if (options.header && options.format == OutputFormat::tsv) {
      output_.write_text("query\tneighbour\tsimilarity\n");
    }
  }

  void add_line(const QueryLine& line) {
    if (is_vector_expression(line.tokens)) {
      add_expression(line.tokens);
    } else {
      // One query per word; an empty line asks nothing but may still end a group.
      for (const std::string& token : line.tokens) add_expression({&token, 1});
    }
    if (!line.more_ready || labels_.size() >= kMaxPending) answer_pending();
    output_.end_of_line(line.more_ready);
  }

  void finish() {
    answer_pending();
    output_.finish();
  }

  std::size_t failures() const { return failures_; }

 private:
  // The target of 3CosAdd: the sum of the signed unit vectors of the words.
  void add_expression(std::span<const std::string> tokens) {
    std::vector<ExpressionTerm> terms;
    try {
      terms = parse_vector_expression(tokens);
    } catch (const Error& error) {
      report(error.what());
      return;
    }
    NearestQuery query{Eigen::VectorXf::Zero(index_.dims()), {}};
    for (const ExpressionTerm& term : terms) {
      const ResolvedQuery resolved = resolver_.resolve(term.word);
      if (!resolved.id) {
        report(resolved.problem);
        return;
      }
      query.vector += static_cast<float>(term.sign) * index_.unit_row(*resolved.id);
      query.exclude.push_back(*resolved.id);
    }
    labels_.push_back(options_.by_id && terms.size() == 1
                          ? std::string(vocabulary_.word(query.exclude.front()))
                          : expression_text(terms));
    queries_.push_back(std::move(query));
  }

  void report(const std::string& problem) {
    // Unknown words are failures unless --oov skip says to pass over them (with a warning).
    if (options_.oov == OovPolicy::skip) {
      spdlog::warn("skipped {}", problem);
    } else {
      spdlog::error(problem);
      ++failures_;
    }
  }

  void answer_pending() {
    if (queries_.empty()) return;
    const auto answers = index_.nearest(queries_, *options_.nearest);
    std::string text;
    for (std::size_t q = 0; q < answers.size(); ++q) {
      text.clear();
      format_answer(labels_[q], answers[q], text);
      output_.write_text(text);
    }
    labels_.clear();
    queries_.clear();
  }

  void format_answer(const std::string& label, const std::vector<Neighbour>& neighbours,
                     std::string& text) const {
    if (options_.format == OutputFormat::json) {
      text.append("{\"query\":");
      append_json_string(text, label);
      text.append(",\"neighbours\":[");
      for (std::size_t i = 0; i < neighbours.size(); ++i) {
        if (i > 0) text.push_back(',');
        text.append("{\"word\":");
        append_json_string(text, vocabulary_.word(neighbours[i].id));
        text.append(",\"similarity\":");
        append_number(text, neighbours[i].similarity, options_.precision);
        text.push_back('}');
      }
      text.append("]}\n");
      return;
    }
    for (const Neighbour& n : neighbours) {
      text.append(label).push_back('\t');
      text.append(vocabulary_.word(n.id)).push_back('\t');
      append_number(text, n.similarity, options_.precision);
      text.push_back('\n');
    }
  }

  const LookupOptions& options_;
  Vocabulary vocabulary_;
  NearestIndex index_;
  QueryResolver resolver_;
  LookupOutput output_;
  std::vector<std::string> labels_;  // of the pending queries
  std::vector<NearestQuery> queries_;
  std::size_t failures_ = 0;
};

}  // namespace

void run_nearest_lookup(const LookupOptions& options) {
  // Every row is compared with each query, so the whole model is loaded (and an .emb file's
  // checksums verified); the matrix then moves into the index, which normalizes it in place.
  EmbeddingModel model = load_vectors(options.model_path, options.load);
  NearestSession session(options, std::move(model.vocabulary), std::move(model.vectors));
  for_each_query_line(options.queries, [&](const QueryLine& line) { session.add_line(line); });
  session.finish();
  if (session.failures() > 0) throw ExitStatus{1};
}

}  // namespace embedtool::cli
