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
#include "embedtool/vocabulary/vocabulary_io.h"
#include "output_sink.h"

namespace embedtool::cli {

namespace {

struct PadOptions {
  std::vector<std::string> inputs{"-"};
  std::string output = "-";
  std::optional<std::string> vocabulary_path;
  TokenizerOptions tokenizer;
  PaddingOptions padding;
};

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
  std::optional<Vocabulary> vocabulary;
  if (options.vocabulary_path) {
    InputFile file(*options.vocabulary_path);
    vocabulary = read_vocabulary_tsv(file.stream(), file.display_name());
  }
  const Tokenizer tokenizer(options.tokenizer);
  std::string line;
  for (const std::string& path : options.inputs) {
    InputFile input(path);
    LineReader reader(input.stream(), input.display_name());
    while (reader.next(line)) {
      const TextLocation where{reader.source_name(), reader.line_number(), reader.line_offset()};
      on_sequence(vocabulary ? encode_text(line, tokenizer, *vocabulary, where)
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
                      "`embedtool vocab`); unknown words become 1")
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
  command->callback([options] { run_pad(*options); });
}

}  // namespace embedtool::cli
