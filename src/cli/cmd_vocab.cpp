// `embedtool vocab FILE...`: count the words of a corpus and print the vocabulary.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/pipeline/corpus_count.h"
#include "embedtool/vocabulary/vocabulary_io.h"
#include "embedtool/formats/output_file.h"
#include "plain_checks.h"

namespace embedtool::cli {

namespace {

struct VocabOptions {
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  TokenizerOptions tokenizer;
  VocabularyOptions vocabulary;
  std::uint64_t max_memory = 0;  // 0: half the machine's memory
};

void run_vocab(const VocabOptions& options) {
  OutputFile output(options.output);  // first, so a bad output path fails before any work
  const Tokenizer tokenizer(options.tokenizer);
  const std::uint64_t limit = counting_memory_limit(options.max_memory);
  const CorpusCount counted = count_corpus(options.inputs, tokenizer, limit);
  const Vocabulary vocabulary = counted.counter.build(options.vocabulary);
  if (counted.counter.spilled_runs() > 0) spdlog::info("{}", spill_summary(counted.counter, limit));
  spdlog::info("{} lines, {} words, {} distinct; the vocabulary keeps {} words (input_dim {})",
               counted.lines, counted.counter.tokens_seen(), counted.counter.distinct_words(),
               vocabulary.word_count(), vocabulary.input_dim());

  std::ostringstream text;
  write_vocabulary_tsv(vocabulary, text);
  output.write(text.view());
  output.commit();
}

}  // namespace

void add_vocab_command(CLI::App& parent) {
  auto options = std::make_shared<VocabOptions>();
  CLI::App* command = parent.add_subcommand(
      "vocab",
      "Tokenize a corpus and print its vocabulary: one `word<TAB>count` line per word, in id "
      "order. Ids 0 (padding) and 1 (unknown) are reserved, so line k holds id k+1.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  add_text_io_options(*command, options->inputs, options->output);
  command->add_option("--min-count", options->vocabulary.min_count,
                      "Leave out words seen fewer times")
      ->check(at_least(std::uint64_t{1}))
      ->capture_default_str();
  command->add_option("--input-dim", options->vocabulary.input_dim,
                      "Keep at most N rows in all, the reserved ids 0 and 1 included, so at most "
                      "N-2 words (the most frequent)")
      ->check(at_least(std::uint64_t{3}))
      ->option_text("N");
  command
      ->add_option("--max-memory", options->max_memory,
                   "Memory the table of words may take, e.g. 500MB; past it the counts go to "
                   "temporary files and are merged at the end, exactly (default: half the "
                   "machine's memory)")
      ->transform(CLI::AsSizeValue(true))
      ->option_text("SIZE");
  add_tokenizer_options(*command, options->tokenizer);
  add_quiet_option(*command);
  command->callback([options] { run_vocab(*options); });
}

}  // namespace embedtool::cli
