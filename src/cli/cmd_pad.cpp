// `embedtool pad`: sequences (text with --vocab, or integer ids) to fixed-length rows.
#include <charconv>
#include <map>
#include <optional>

#include "commands.h"
#include "common_options.h"
#include "settings_file.h"
#include "embedtool/pipeline/input_file.h"
#include "embedtool/sequences/id_sequence_parser.h"
#include "embedtool/sequences/padding.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/line_reader.h"
#include "output_sink.h"
#include "pad_vocabulary.h"

namespace embedtool::cli {

namespace {

struct PadOptions {
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  std::optional<std::string> vocabulary_path;
  TokenizerOptions tokenizer;
  PaddingOptions padding;
  // Which tokenizer options were given (command line or --config): those win over the settings
  // stored in a model given as --vocab.
  struct {
    bool lowercase = false, filter = false, filters = false, unicode_errors = false;
  } tokenizer_given;
};

// The tokenizer of `pad --vocab model.emb` is the one the model's corpus was tokenized with, so
// that words map to the rows they trained; options given explicitly still win.
TokenizerOptions tokenizer_for(const PadOptions& options, const PadVocabulary& vocabulary) {
  if (!vocabulary.tokenizer) return options.tokenizer;
  TokenizerOptions result = *vocabulary.tokenizer;
  const auto& given = options.tokenizer_given;
  if (given.lowercase) result.lowercase = options.tokenizer.lowercase;
  if (given.filter) result.filter_punctuation = options.tokenizer.filter_punctuation;
  if (given.filters) result.filters = options.tokenizer.filters;
  if (given.unicode_errors) result.unicode_errors = options.tokenizer.unicode_errors;
  return result;
}

void write_row(OutputSink& output, const Sequence& row) {
  std::string line;
  char number[24];
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line.push_back(' ');
    line.append(number, std::to_chars(number, number + sizeof number, row[i]).ptr);
  }
  line.push_back('\n');
  output.write(line);
}

// Calls `on_sequence` for each input line, as ids.
template <typename OnSequence>
void read_sequences(const PadOptions& options, OnSequence on_sequence) {
  std::optional<PadVocabulary> vocabulary;
  if (options.vocabulary_path) vocabulary = read_pad_vocabulary(*options.vocabulary_path);
  const Tokenizer tokenizer(vocabulary ? tokenizer_for(options, *vocabulary) : options.tokenizer);
  std::string line;
  for (const std::string& path : options.inputs) {
    InputFile input(path);
    LineReader reader(input.stream(), input.display_name());
    while (reader.next(line)) {
      const TextLocation where{reader.source_name(), reader.line_number(), reader.line_offset()};
      on_sequence(vocabulary ? encode_text(line, tokenizer, vocabulary->vocabulary, where)
                             : parse_id_sequence(line, where));
    }
  }
}

void run_pad(const PadOptions& options) {
  OutputSink output(options.output);
  if (options.padding.input_length) {
    // The length is known: each row is written as soon as its line is read, so pad can sit in
    // the middle of a pipeline that is still producing.
    const std::size_t length = *options.padding.input_length;
    read_sequences(options, [&](const Sequence& sequence) {
      write_row(output, pad_sequence(sequence, length, options.padding));
      if (options.output == "-") output.flush();
    });
  } else {
    // Without --input-length the longest row sets the length (Keras maxlen=None), so every row
    // must be read before the first is written.
    std::vector<Sequence> sequences;
    read_sequences(options, [&](Sequence sequence) { sequences.push_back(std::move(sequence)); });
    for (const Sequence& row : pad_sequences(sequences, options.padding)) write_row(output, row);
  }
  output.commit();
}

}  // namespace

void add_pad_command(CLI::App& parent) {
  auto options = std::make_shared<PadOptions>();
  CLI::App* command = parent.add_subcommand(
      "pad",
      "Turn sequences, one per line, into rows of equal length (Keras pad_sequences). Lines are "
      "whitespace-separated integer ids, or text when --vocab is given.");
  add_settings_file_option(*command);  // first: it fills in the options declared after it
  add_text_io_options(*command, options->inputs, options->output);
  command->add_option("--vocab", options->vocabulary_path,
                      "Read lines as text and map words to ids with this vocabulary file (from "
                      "`embedtool vocab`) or model (.emb: the ids are its rows, and its corpus's "
                      "tokenizer settings are used unless given); unknown words become 1")
      ->option_text("FILE");
  command->add_option("--input-length", options->padding.input_length,
                      "Row length (default: the longest sequence)")
      ->check(CLI::NonNegativeNumber)
      ->option_text("L");
  const std::map<std::string, PadSide> sides = {{"pre", PadSide::pre}, {"post", PadSide::post}};
  command->add_option("--padding", options->padding.padding,
                      "Fill short rows at the start (pre) or the end (post)")
      ->transform(CLI::CheckedTransformer(sides))
      ->default_str("pre");
  command->add_option("--truncating", options->padding.truncating,
                      "Cut long rows at the start (pre) or the end (post)")
      ->transform(CLI::CheckedTransformer(sides))
      ->default_str("pre");
  command->add_option("--value", options->padding.value, "Id used for filling")
      ->capture_default_str();
  add_tokenizer_options(*command, options->tokenizer);
  add_quiet_option(*command);
  command->callback([options, command] {
    const auto given = [command](const char* name) { return command->get_option(name)->count() > 0; };
    options->tokenizer_given = {given("--lowercase"), given("--filter"), given("--filters"),
                                given("--unicode-errors")};
    run_pad(*options);
  });
}

}  // namespace embedtool::cli
