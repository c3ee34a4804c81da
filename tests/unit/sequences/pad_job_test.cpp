// pad's job: the lines of several inputs read as ids or as text, padded, written as rows.
#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/sequences/pad_job.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace {

using testing::TempTextFile;

// Keeps what pad writes, and marks each row_done() with a "|" after its row.
class RecordedOutput : public PadOutput {
 public:
  void write(std::string_view row_line) override { text += row_line; }
  void row_done() override { text += "|"; }
  std::string text;
};

std::string pad_to_text(const PadSettings& settings) {
  RecordedOutput output;
  pad_inputs(settings, output);
  return output.text;
}

PadVocabulary cat_and_dog() {
  PadVocabulary result;
  result.vocabulary.add("cat", 5);  // id 2
  result.vocabulary.add("dog", 3);  // id 3
  return result;
}

TEST_CASE("pad_inputs: the id lines of every input, padded to the longest, rows at the end") {
  const TempTextFile first("3 17\n5\n");
  const TempTextFile second("1 2 3 4\n");
  PadSettings settings;
  settings.inputs = {first.path(), second.path()};
  // No row is streamed (no row_done) since the length is only known at the end.
  CHECK(pad_to_text(settings) == "0 0 3 17\n0 0 0 5\n1 2 3 4\n");
  settings.padding.padding = PadSide::post;
  settings.padding.value = -1;
  CHECK(pad_to_text(settings) == "3 17 -1 -1\n5 -1 -1 -1\n1 2 3 4\n");
}

TEST_CASE("pad_inputs: with an input length, each row is written as soon as its line is read") {
  const TempTextFile first("3 17 9\n5\n");
  PadSettings settings;
  settings.inputs = {first.path()};
  settings.padding.input_length = 2;
  settings.padding.padding = PadSide::post;
  settings.padding.truncating = PadSide::post;
  CHECK(pad_to_text(settings) == "3 17\n|5 0\n|");

  // The rows of the first input are out before the second turns out to be missing; without a
  // length nothing is written before the error.
  settings.inputs = {first.path(), first.beside("missing.txt")};
  RecordedOutput streamed;
  CHECK_THROWS_AS(pad_inputs(settings, streamed), Error);
  CHECK(streamed.text == "3 17\n|5 0\n|");
  settings.padding.input_length.reset();
  RecordedOutput collected;
  CHECK_THROWS_AS(pad_inputs(settings, collected), Error);
  CHECK(collected.text.empty());
}

TEST_CASE("pad_inputs: text lines through a vocabulary, whatever their line ends") {
  const TempTextFile text("\xEF\xBB\xBFThe cat\r\ndog DOG, zebra\rcat\n");
  PadSettings settings;
  settings.inputs = {text.path()};
  settings.vocabulary = cat_and_dog();
  settings.padding.input_length = 3;
  CHECK(pad_to_text(settings) == "0 1 2\n|3 3 1\n|0 0 2\n|");
}

TEST_CASE("pad_inputs: a model's tokenizer is used, except for the options given") {
  const TempTextFile text("Cat cat\n");
  PadSettings settings;
  settings.inputs = {text.path()};
  settings.vocabulary = cat_and_dog();
  TokenizerOptions model_tokenizer;
  model_tokenizer.lowercase = false;
  settings.vocabulary->tokenizer = model_tokenizer;
  CHECK(pad_to_text(settings) == "1 2\n");
  settings.tokenizer_given.lowercase = true;  // settings.tokenizer.lowercase is true
  CHECK(pad_to_text(settings) == "2 2\n");
}

TEST_CASE("pad_inputs: a bad line is named by its input, line and byte") {
  const TempTextFile ids("1 2\n3 x4\n");
  PadSettings settings;
  settings.inputs = {ids.path()};
  RecordedOutput output;
  CHECK_THROWS_WITH_AS(pad_inputs(settings, output),
                       ("not an integer id: \"x4\" (" + ids.path() + ": line 2, byte 6)").c_str(),
                       Error);

  const TempTextFile text("cat\ndog \xFF\n");
  settings.inputs = {text.path()};
  settings.vocabulary = cat_and_dog();
  std::string message;
  try {
    pad_inputs(settings, output);
  } catch (const Error& error) {
    message = error.what();
  }
  CHECK(message.find(text.path() + ": line 2, byte 8") != std::string::npos);
}

TEST_CASE("id_row_line: ids separated by spaces, and a line end") {
  CHECK(id_row_line({}) == "\n");
  CHECK(id_row_line({7}) == "7\n");
  CHECK(id_row_line({std::numeric_limits<WordId>::min(), 0, std::numeric_limits<WordId>::max()}) ==
        "-9223372036854775808 0 9223372036854775807\n");
}

}  // namespace
}  // namespace embedtool
