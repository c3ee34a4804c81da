#include "embedtool/sequences/pad_job.h"

#include <charconv>
#include <memory>
#include <utility>

#include "embedtool/sequences/sequence_lines.h"
#include "embedtool/sequences/text_encoder.h"

namespace embedtool {

void pad_inputs(const PadSettings& settings, PadOutput& output) {
  // Made even when the lines are ids, so that bad tokenizer settings are reported either way.
  const Tokenizer tokenizer(
      pad_tokenizer_options(settings.tokenizer, settings.tokenizer_given, settings.vocabulary));
  std::unique_ptr<TextEncoder> text;
  if (settings.vocabulary)
    text = std::make_unique<TextEncoder>(tokenizer, settings.vocabulary->vocabulary);

  if (settings.padding.input_length) {
    const std::size_t length = *settings.padding.input_length;
    for_each_sequence_line(settings.inputs, text.get(), [&](Sequence&& sequence) {
      output.write(id_row_line(pad_sequence(sequence, length, settings.padding)));
      output.row_done();
    });
  } else {
    std::vector<Sequence> sequences;
    for_each_sequence_line(settings.inputs, text.get(),
                           [&](Sequence&& sequence) { sequences.push_back(std::move(sequence)); });
    for (const Sequence& row : pad_sequences(sequences, settings.padding))
      output.write(id_row_line(row));
  }
}

std::string id_row_line(const Sequence& row) {
  std::string line;
  char number[24];  // the longest int64, "-9223372036854775808", is 20 characters
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line.push_back(' ');
    line.append(number, std::to_chars(number, number + sizeof number, row[i]).ptr);
  }
  line.push_back('\n');
  return line;
}

}  // namespace embedtool
