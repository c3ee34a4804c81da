// The fastText .bin reader on hand-built models: vectors as fastText computes them, and broken
// files refused with one line each, never a crash or a read outside the file.
#include <doctest/doctest.h>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_model.h"
#include "embedtool/text/char_ngrams.h"
#include "formats_test_support.h"
#include "hand_built_fasttext.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

// The mean of the given input rows of a HandBuiltFastText model.
Eigen::RowVectorXf mean_of_hand_rows(const std::vector<std::int64_t>& rows) {
  Eigen::RowVectorXf sum = Eigen::RowVectorXf::Zero(2);
  for (const std::int64_t row : rows) {
    sum[0] += HandBuiltFastText::input_value(row, 0);
    sum[1] += HandBuiltFastText::input_value(row, 1);
  }
  return sum / static_cast<float>(rows.size());
}

std::int64_t bucket_row(std::string_view ngram, const HandBuiltFastText& hand) {
  return static_cast<std::int64_t>(hand.words.size()) + fasttext_hash(ngram) % hand.bucket;
}

void check_refused(const std::vector<std::byte>& bytes, std::initializer_list<std::string_view> parts) {
  check_message(error_of([&] { FastTextModel model(bytes, "ft.bin"); }), parts);
}

}  // namespace

TEST_CASE("a word's vector is the mean of its row and its n-grams' rows; unknown words, of the n-grams") {
  const HandBuiltFastText hand;
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.bin");
  CHECK(model.rows() == 4);
  CHECK(model.dims() == 2);
  CHECK(model.has_subwords());
  CHECK(model.id_of("ab") == 2);
  CHECK(model.id_of("c") == 3);
  CHECK(model.word(3) == "c");
  CHECK(!model.id_of("abc"));
  // "<ab>" with minn 2, maxn 3: <a <ab ab ab> b>.
  const Eigen::RowVectorXf ab = model.row(2);
  const Eigen::RowVectorXf expected =
      mean_of_hand_rows({0, bucket_row("<a", hand), bucket_row("<ab", hand), bucket_row("ab", hand),
                         bucket_row("ab>", hand), bucket_row("b>", hand)});
  CHECK(ab.isApprox(expected, 1e-6f));
  const Eigen::RowVectorXf unseen = *model.subword_vector("b");
  CHECK(unseen.isApprox(mean_of_hand_rows({bucket_row("<b", hand), bucket_row("<b>", hand),
                                           bucket_row("b>", hand)}),
                        1e-6f));
  CHECK(model.row(0).isZero());  // <pad>
  CHECK_THROWS_AS(model.row(4), Error);

  SUBCASE("load() holds the same vectors, with fastText's settings in the metadata") {
    const EmbeddingModel loaded = model.load({});
    CHECK(loaded.vocabulary.word(2) == "ab");
    CHECK(loaded.vectors.row(2).isApprox(expected, 1e-6f));
    CHECK(loaded.metadata["fasttext"]["minn"] == 2);
    CHECK(loaded.metadata["fasttext"]["bucket"] == 4);
    CHECK(loaded.metadata["converted_from"]["format"] == "fasttext");
  }
  SUBCASE("--limit hides the later words, which become unknown") {
    FastTextModel limited(bytes, "ft.bin");
    limited.limit_words(1);
    CHECK(limited.rows() == 3);
    CHECK(!limited.id_of("c"));
  }
}

TEST_CASE("a model without n-grams (maxn 0) gives word rows alone, and no subword vectors") {
  HandBuiltFastText hand;
  hand.maxn = 0;
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.bin");
  CHECK(!model.has_subwords());
  CHECK(model.row(3).isApprox(mean_of_hand_rows({1}), 1e-6f));
  CHECK(!model.subword_vector("zz"));
}

TEST_CASE("a version 11 classifier has no n-grams, whatever maxn says (fastText's rule)") {
  HandBuiltFastText hand;
  hand.version = 11;
  hand.model = 3;
  hand.labels = {"__label__x"};
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.bin");
  CHECK(!model.has_subwords());
  CHECK(model.rows() == 4);  // labels are not words
}

TEST_CASE("not a fastText model, or one of another version") {
  HandBuiltFastText hand;
  hand.magic = 0x12345678;
  check_refused(hand.build(), {"ft.bin is not a fastText model (bad magic: expected ba 16 4f 2f, found 78 56 34 12)"});
  hand = {};
  hand.version = 13;
  check_refused(hand.build(), {"ft.bin was written by fastText file format version 13; embedtool reads versions 11 and 12"});
  hand.version = 10;
  check_refused(hand.build(), {"format version 10"});
}

TEST_CASE("a dense matrix under the quantization flag is read as a quantized one, and refused") {
  HandBuiltFastText hand;
  hand.quantized = 1;
  // The low byte of the dense matrix's row count (6) is where the norm flag would be.
  check_refused(hand.build(), {"ft.bin is not a valid fastText model: the input matrix's norm flag (qnorm) is 6"});
}

TEST_CASE("truncated anywhere: one line naming what was cut, never a read past the end") {
  const std::vector<std::byte> whole = HandBuiltFastText{}.build();
  for (std::size_t length = 0; length < whole.size(); ++length) {
    CAPTURE(length);
    const std::vector<std::byte> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(length));
    const std::string message = error_of([&] { FastTextModel model(cut, "ft.bin"); });
    CHECK(message.find("ft.bin is truncated") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  check_refused(std::vector<std::byte>(whole.begin(), whole.begin() + 40),
                {"ft.bin is truncated: the settings block: 56 bytes needed at byte 8, 32 left"});
}

TEST_CASE("damaged fields are named") {
  HandBuiltFastText hand;
  hand.trailing_bytes = 3;
  check_refused(hand.build(), {"goes on after the output matrix (3 more bytes)"});
  hand = {};
  hand.dim = 0;
  hand.input_cols = 2;
  check_refused(hand.build(), {"its dim is 0, expected 1 to"});
  hand = {};
  hand.input_cols = 3;
  check_refused(hand.build(), {"the input matrix has 3 columns, its dim says 2"});
  hand = {};
  hand.input_rows = 5;
  check_refused(hand.build(), {"the input matrix has 5 rows, fewer than its 2 words and 4 n-gram buckets"});
  hand = {};
  hand.types = {0, 2};
  check_refused(hand.build(), {"dictionary entry 2 of 2 has type 2, expected 0 (word) or 1 (label)"});
  hand.types = {1, 0};
  check_refused(hand.build(), {"dictionary entry 1 of 2 is a label among the words"});
  hand = {};
  hand.words = {"ab", "ab"};
  check_refused(hand.build(), {"the word \"ab\" is dictionary entry 1 and 2"});
  hand = {};
  hand.words = {"ab", ""};
  check_refused(hand.build(), {"dictionary entry 2 of 2 is an empty word"});
  hand = {};
  hand.pruneidx_size = 1;
  check_refused(hand.build(), {"its dictionary is pruned but its matrix is not quantized"});
  hand = {};
  hand.bucket = -1;
  hand.input_rows = 2;
  check_refused(hand.build(), {"its bucket count is -1"});
  {
    // Only the shape is changed: rows beyond what 2^64 bytes could hold.
    std::vector<std::byte> bytes = HandBuiltFastText{}.build();
    const std::size_t rows_at = 8 + 56 + 28 + (3 + 9) + (2 + 9) + 1;
    const std::int64_t huge = std::int64_t{1} << 62;
    std::memcpy(bytes.data() + rows_at, &huge, 8);
    check_refused(bytes, {"the input matrix has shape 4611686018427387904 x 2"});
    const std::int64_t too_many = 1000;
    std::memcpy(bytes.data() + rows_at, &too_many, 8);
    check_refused(bytes, {"ft.bin is truncated: the input matrix (1000 x 2 float32): 8000 bytes needed"});
  }
}

TEST_CASE("a dictionary that announces more entries than the file could hold is refused before any allocation") {
  std::vector<std::byte> bytes = HandBuiltFastText{}.build();
  const std::int32_t huge = 2000000000;
  std::memcpy(bytes.data() + 8 + 56, &huge, 4);
  std::memcpy(bytes.data() + 8 + 56 + 4, &huge, 4);
  check_refused(bytes, {"ft.bin is truncated: the dictionary's 2000000000 entries: 20000000000 bytes needed"});
}
