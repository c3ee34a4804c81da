// `embedtool eval -m MODEL --similarity FILE --analogy FILE`: score a model on word-similarity
// (Spearman's rho) and analogy (3CosAdd accuracy) test sets.
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/errors.h"
#include "embedtool/text/input_file.h"
#include "embedtool/query/analogy_eval.h"
#include "embedtool/query/analogy_questions_file.h"
#include "embedtool/query/eval_report.h"
#include "embedtool/query/similarity_eval.h"
#include "embedtool/query/word_pairs_file.h"
#include "embedtool/formats/load_vectors.h"
#include "embedtool/formats/output_file.h"
#include "vector_options.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct EvalOptions {
  std::string model_path = "model.emb";
  LoadOptions load;  // the model may be in any vector format (--from, --limit, ...)
  std::vector<std::string> similarity_files;
  std::vector<std::string> analogy_files;
  std::size_t restrict_to = kDefaultAnalogyRestrict;
  std::string format = "text";
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void run_eval(const EvalOptions& options) {
  if (options.similarity_files.empty() && options.analogy_files.empty()) {
    throw UsageError("nothing to evaluate: give --similarity FILE and/or --analogy FILE");
  }
  // The test sets first: a malformed one is reported before the model is loaded.
  std::vector<std::pair<std::string, std::vector<WordPair>>> pair_sets;
  for (const std::string& path : options.similarity_files) {
    InputFile file(path);
    pair_sets.emplace_back(file.display_name(),
                           read_word_pairs(file.stream(), file.display_name()));
  }
  std::vector<std::pair<std::string, std::vector<AnalogySection>>> question_sets;
  for (const std::string& path : options.analogy_files) {
    InputFile file(path);
    question_sets.emplace_back(file.display_name(),
                               read_analogy_questions(file.stream(), file.display_name()));
  }
  // A fastText .bin also gives words it never saw their n-gram vectors, as fastText scores them.
  const VectorsWithSubwords loaded = load_vectors_with_subwords(options.model_path, options.load);
  const EmbeddingModel& model = loaded.model;
  SubwordVectorOf subword_of;
  if (loaded.subwords) {
    subword_of = [table = loaded.subwords.get()](std::string_view word) {
      return table->subword_vector(word);
    };
  }

  EvalReport report;
  report.model = options.model_path;
  for (const auto& [name, pairs] : pair_sets) {
    report.similarity.push_back({name, evaluate_similarity(model, pairs, subword_of)});
  }
  for (const auto& [name, sections] : question_sets) {
    const auto start = std::chrono::steady_clock::now();
    AnalogyResult result = evaluate_analogies(model, sections, options.restrict_to, subword_of);
    spdlog::info("{}: {} analogy questions answered in {:.2f} s", name, result.overall.answered(),
                 seconds_since(start));
    report.analogy.push_back({name, std::move(result)});
  }

  OutputFile output("-");
  output.write(options.format == "json" ? eval_report_json(report).dump(2) + "\n"
                                        : eval_report_text(report));
  output.commit();
}

}  // namespace

void add_eval_command(CLI::App& parent) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* command = parent.add_subcommand(
      "eval",
      "Score a model: Spearman correlation between cosine similarity and human scores on "
      "word-pair files (--similarity), and 3CosAdd accuracy on analogy files (--analogy). "
      "Words are matched case-insensitively.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("-m,--model", options->model_path,
                      "Model or vector file (.emb, word2vec, GloVe, .npy, projector)")
      ->capture_default_str()
      ->option_text("FILE");
  add_vector_read_options(*command, options->load);
  command
      ->add_option("--similarity", options->similarity_files,
                   "Word-pair file: `#` comments, then `word1 word2 score` lines (spaces or "
                   "tabs); may be repeated")
      ->option_text("FILE");
  command
      ->add_option("--analogy", options->analogy_files,
                   "Analogy file: `: section` headers, then `a b c d` lines; may be repeated")
      ->option_text("FILE");
  command
      ->add_option("--restrict", options->restrict_to,
                   "Analogies: search (and accept questions from) only the N most frequent "
                   "words (default 30000)")
      ->check(at_least(std::size_t{1}))
      ->capture_default_str()
      ->option_text("N")
      ->needs("--analogy");
  restrict_to(command->add_option("--format", options->format,
                                  "Output: a text table, or JSON for scripts"),
              {"text", "json"})
      ->capture_default_str();
  add_quiet_option(*command);
  command->callback([options] { run_eval(*options); });
}

}  // namespace embedtool::cli
