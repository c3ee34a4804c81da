// `embedtool lookup WORD...`: rows of E by word or id, or their nearest neighbours.
#include <charconv>
#include <iostream>
#include <optional>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/errors.h"
#include "embedtool/query/nearest.h"
#include "embedtool/query/vector_text.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/storage/model_vector_table.h"
#include "embedtool/text/tokenizer.h"
#include "exit_status.h"
#include "output_sink.h"
#include "vector_options.h"

namespace embedtool::cli {

namespace {

struct LookupOptions {
  std::vector<std::string> queries;
  std::string model_path = "model.emb";
  bool by_id = false;
  std::optional<std::size_t> nearest;
  LoadOptions load;
};

// Answers queries one at a time, so that answers can be written as soon as a line arrives.
class LookupSession {
 public:
  explicit LookupSession(const LookupOptions& options) : options_(options), output_("-") {
    // --nearest compares with every row, so it loads the whole model (and verifies an .emb
    // file's checksums); plain lookups map an .emb file and read only the rows asked for.
    if (options.nearest) {
      auto loaded = std::make_unique<ModelVectorTable>(load_vectors(options.model_path, options.load));
      index_.emplace(loaded->model().vectors);
      model_ = std::move(loaded);
    } else {
      model_ = open_vectors(options.model_path, options.load);
    }
  }

  void answer(const std::string& query) {
    const std::optional<WordId> id = resolve(query);
    if (!id) {
      ++failures_;
      return;
    }
    std::string text;
    if (options_.nearest) {
      const WordId self[] = {*id};
      for (const Neighbour& n :
           index_->nearest(model_->row(*id).transpose(), *options_.nearest, self)) {
        text.append(query).push_back('\t');
        text.append(model_->word(n.id)).push_back('\t');
        append_float(text, n.similarity);
        text.push_back('\n');
      }
    } else {
      text.append(options_.by_id ? std::string(model_->word(*id)) : query);
      append_vector(text, model_->row(*id));
      text.push_back('\n');
    }
    output_.write(text);
  }

  void flush() { output_.flush(); }
  std::size_t failures() const { return failures_; }

 private:
  // The row for a query, or nullopt after naming the problem on stderr.
  std::optional<WordId> resolve(const std::string& query) const {
    if (options_.by_id) {
      WordId id = -1;
      const auto [end, error] = std::from_chars(query.data(), query.data() + query.size(), id);
      if (error != std::errc() || end != query.data() + query.size()) {
        spdlog::error("not an id: \"{}\"", query);
        return std::nullopt;
      }
      if (id < 0 || static_cast<std::uint64_t>(id) >= model_->rows()) {
        spdlog::error("id {} is out of range: {} has ids 0 to {}", query, options_.model_path,
                      model_->rows() - 1);
        return std::nullopt;
      }
      return id;
    }
    if (auto id = model_->id_of(query)) return id;
    spdlog::error("unknown word \"{}\" (not in the vocabulary of {}){}", query,
                  options_.model_path, suggestion_for(query));
    return std::nullopt;
  }

  // The vocabulary holds words as the tokenizer made them (lowercased, without punctuation, by
  // default); when the query written that way is known, say so.
  std::string suggestion_for(const std::string& query) const {
    try {
      const std::vector<std::string> tokens = Tokenizer().tokenize(query);
      if (tokens.size() == 1 && tokens.front() != query && model_->id_of(tokens.front())) {
        return "; did you mean \"" + tokens.front() + "\"?";
      }
    } catch (const Error&) {
      // Not valid UTF-8: no suggestion.
    }
    return "";
  }

  const LookupOptions& options_;
  std::unique_ptr<VectorTable> model_;
  std::optional<NearestIndex> index_;
  OutputSink output_;
  std::size_t failures_ = 0;
};

void run_lookup(const LookupOptions& options) {
  LookupSession session(options);
  if (!options.queries.empty()) {
    for (const std::string& query : options.queries) session.answer(query);
  } else {
    // Words come from standard input, whitespace-separated; each line is answered as soon as it
    // is read, so lookup works at the end of a pipe or as a coprocess.
    std::string line;
    while (std::getline(std::cin, line)) {
      std::istringstream words(line);
      std::string word;
      while (words >> word) session.answer(word);
      session.flush();
    }
  }
  session.flush();
  // Each failed query was named on stderr as it happened; the status tells scripts about them.
  if (session.failures() > 0) throw ExitStatus{1};
}

}  // namespace

void add_lookup_command(CLI::App& parent) {
  auto options = std::make_shared<LookupOptions>();
  CLI::App* command = parent.add_subcommand(
      "lookup",
      "Print rows of E as `word v1 ... vD` lines, or with --nearest the closest words by cosine "
      "similarity as `query<TAB>neighbour<TAB>similarity` lines. Words come from the arguments, "
      "or from standard input when there are none.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("queries", options->queries, "Words (or ids with --ids)");
  command->add_option("-m,--model", options->model_path,
                      "Model file: .emb, or vectors in any format `convert` reads")
      ->capture_default_str()
      ->option_text("FILE");
  command->add_flag("--ids", options->by_id, "Queries are row indices of E, not words");
  command->add_option("--nearest", options->nearest,
                      "Print the K nearest words of each query instead of its vector")
      ->check(CLI::PositiveNumber)
      ->option_text("K");
  add_vector_read_options(*command, options->load);
  add_quiet_option(*command);
  command->callback([options] { run_lookup(*options); });
}

}  // namespace embedtool::cli
