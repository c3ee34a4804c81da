// `embedtool lookup`: rows of E by word or id (lookup_vectors), Y = E[X] for padded id sequences
// (lookup_batch), nearest neighbours and analogies (lookup_nearest), cosine similarities
// (lookup_similarity), sentence vectors (lookup_sentence), each wiring the library's query/ and formats/ pieces. This file declares
// the options and picks the one that was asked for.
#include <utility>
#include <vector>
#include <memory>

#include "commands.h"
#include "common_options.h"
#include "embedtool/errors.h"
#include "lookup_batch.h"
#include "lookup_nearest.h"
#include "lookup_oov_option.h"
#include "lookup_options.h"
#include "lookup_sentence.h"
#include "lookup_similarity.h"
#include "lookup_vectors.h"
#include "settings_file.h"
#include "vector_options.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

// Combinations that cannot mean anything are usage errors rather than silently ignored flags.
void check_combinations(const LookupOptions& options) {
  const bool ranks = options.nearest || options.similarity;
  if (options.nearest && options.similarity) {
    throw UsageError("--nearest and --similarity are different questions: give one");
  }
  if (options.sentence && (ranks || options.by_id || options.batch)) {
    throw UsageError("--sentence reads lines of text; it takes neither --ids, --batch, --nearest "
                     "nor --similarity");
  }
  if (options.batch && (ranks || options.by_id)) {
    throw UsageError("--batch already reads ids; it takes neither --ids, --nearest nor --similarity");
  }
  if (ranks && options.style.format == OutputFormat::npy) {
    throw UsageError("--format npy is for vectors; --nearest and --similarity print text, tsv or json");
  }
  if (ranks && options.normalize) {
    throw UsageError("--normalize is for vectors; cosine similarities do not depend on length");
  }
  if (ranks && (options.oov == OovPolicy::zero || options.oov == OovPolicy::unk)) {
    throw UsageError("--oov zero and unk give vectors; with --nearest or --similarity use error or skip");
  }
  if (options.style.format == OutputFormat::npy && options.style.precision) {
    throw UsageError("--precision is for text output; --format npy stores float32 exactly");
  }
  if (options.style.header && options.style.format != OutputFormat::tsv) {
    throw UsageError("--header is for --format tsv");
  }
}

void run_lookup(const LookupOptions& options) {
  check_combinations(options);
  if (options.sentence) {
    run_sentence_lookup(options);
  } else if (options.batch) {
    run_batch_lookup(options);
  } else if (options.nearest) {
    run_nearest_lookup(options);
  } else if (options.similarity) {
    run_similarity_lookup(options);
  } else {
    run_vector_lookup(options);
  }
}

void add_output_options(CLI::App& command, LookupOptions& options) {
  const std::string group = "Output";
  const std::vector<std::pair<std::string, OutputFormat>> formats = {
      {"text", OutputFormat::text},
      {"tsv", OutputFormat::tsv},
      {"json", OutputFormat::json},
      {"npy", OutputFormat::npy}};
  restrict_to(command.add_option("--format", options.style.format,
                                 "text (word v1 ... vD), tsv, json (one object per line) or npy "
                                 "(a float32 array, written when the input ends)"),
              formats)
      ->default_str("text")
      ->group(group);
  command.add_option("-o,--output", options.output,
                     "Write here (atomically) instead of standard output")
      ->option_text("FILE")
      ->group(group);
  command.add_flag("--header", options.style.header, "tsv: start with a line naming the columns")
      ->group(group);
  command.add_option("--precision", options.style.precision,
                     "Print P significant digits (default: the shortest text that reads back as "
                     "the same float32)")
      ->check(between(1, 9))
      ->option_text("P")
      ->group(group);
  command.add_flag("--normalize", options.normalize, "Scale vectors to unit length")
      ->group(group);
}

void add_query_options(CLI::App& command, LookupOptions& options) {
  command.add_flag("--ids", options.by_id, "Queries are row indices of E, not words");
  command.add_flag("--batch", options.batch,
                   "Each line of standard input is a padded id sequence (as `pad` writes): print "
                   "Y = E[X], shape (batch, input_length, output_dim)");
  const std::vector<std::pair<std::string, PadVector>> pads = {{"zero", PadVector::zero},
                                                               {"row", PadVector::row}};
  restrict_to(command.add_option("--pad-vector", options.pad_vector,
                                 "--batch: padding id 0 gives the zero vector, or row 0 of E"),
              pads)
      ->default_str("zero");
  add_oov_option(command, options.oov);
  command.add_flag("--sentence", options.sentence,
                   "Each line of the files given (or of standard input) is a sentence: print "
                   "one vector per line, the mean of its words' rows (and, for a classifier, "
                   "of its word n-grams' rows: the h it predicts from); zero when it has no "
                   "known word");
  command.add_option("--nearest", options.nearest,
                     "Print the K nearest words of each query, or of an expression such as "
                     "`king - man + woman`, instead of vectors")
      ->check(at_least(std::size_t{1}))
      ->option_text("K");
  command.add_flag("--exact", options.exact,
                   "--nearest: compare with every row even when the model has an ANN index "
                   "beside it (`embedtool index --ann`)");
  command.add_option("--ef", options.ef,
                     "--nearest through the model's ANN index: rows kept in the search's beam "
                     "(default: the one the index was built with); more gives better recall "
                     "and slower queries")
      ->check(between(std::size_t{1}, std::size_t{100000}))
      ->option_text("N");
  command.add_flag("--similarity", options.similarity,
                   "Print the cosine similarity of word pairs (arguments two by two, or one pair "
                   "per line of standard input)");
  // Options the chosen kind of query would ignore are refused instead (CLI11 says which).
  command.get_option("--pad-vector")->needs("--batch");
  command.get_option("--exact")->needs("--nearest")->excludes("--ef");
  command.get_option("--ef")->needs("--nearest");
  command.get_option("--oov")->excludes("--batch")->excludes("--sentence");
}

}  // namespace

void add_lookup_command(CLI::App& parent) {
  auto options = std::make_shared<LookupOptions>();
  CLI::App* command = parent.add_subcommand(
      "lookup",
      "Print rows of E for words or ids (text, tsv, json or npy), Y = E[X] for padded id "
      "sequences (--batch), nearest neighbours and analogies (--nearest), or cosine similarities "
      "(--similarity), or sentence vectors (--sentence). Queries come from the arguments, or from standard input when there are "
      "none; each line is answered as soon as it is read.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  command->add_option("queries", options->queries,
                      "Words (or ids with --ids; files of sentences with --sentence, - for "
                      "standard input)");
  command->add_option("-m,--model", options->model_path,
                      "Model file: .emb, or vectors in any format `convert` reads")
      ->capture_default_str()
      ->option_text("FILE");
  add_query_options(*command, *options);
  add_output_options(*command, *options);
  add_vector_read_options(*command, options->load);
  add_quiet_option(*command);
  command->callback([options] { run_lookup(*options); });
}

}  // namespace embedtool::cli
