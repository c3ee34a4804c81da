// Expected rows follow Keras' pad_sequences (keras.utils.pad_sequences): for each sequence s,
// truncating=pre keeps s[-maxlen:], post keeps s[:maxlen]; padding=pre writes the kept ids at the
// end of a row filled with `value`, post at the start; maxlen=None is the longest length.
#include <doctest/doctest.h>

#include <string>

#include "embedtool/sequences/padding.h"

using embedtool::PaddingOptions;
using embedtool::PadSide;
using embedtool::Sequence;
using Rows = std::vector<Sequence>;

namespace {

PaddingOptions options(std::optional<std::size_t> input_length, PadSide padding,
                       PadSide truncating, embedtool::WordId value = 0) {
  PaddingOptions result;
  result.input_length = input_length;
  result.padding = padding;
  result.truncating = truncating;
  result.value = value;
  return result;
}

}  // namespace

TEST_CASE("pad_sequences reproduces the examples of the Keras documentation") {
  const Rows sequences = {{1}, {2, 3}, {4, 5, 6}};
  CHECK(embedtool::pad_sequences(sequences, {}) == Rows{{0, 0, 1}, {0, 2, 3}, {4, 5, 6}});
  CHECK(embedtool::pad_sequences(sequences, options(std::nullopt, PadSide::pre, PadSide::pre, -1)) ==
        Rows{{-1, -1, 1}, {-1, 2, 3}, {4, 5, 6}});
  CHECK(embedtool::pad_sequences(sequences, options(std::nullopt, PadSide::post, PadSide::pre)) ==
        Rows{{1, 0, 0}, {2, 3, 0}, {4, 5, 6}});
  CHECK(embedtool::pad_sequences(sequences, options(2, PadSide::pre, PadSide::pre)) ==
        Rows{{0, 1}, {2, 3}, {5, 6}});
}

TEST_CASE("pad_sequences: padding side x truncating side, as Keras") {
  // One row longer than the length, one shorter, one empty, one exactly as long.
  const Rows sequences = {{1, 2, 3, 4, 5}, {6, 7}, {}, {8, 9, 10}};
  struct Case {
    std::optional<std::size_t> input_length;
    PadSide padding;
    PadSide truncating;
    embedtool::WordId value;
    Rows expected;
  };
  const Case cases[] = {
      {3, PadSide::pre, PadSide::pre, 0, {{3, 4, 5}, {0, 6, 7}, {0, 0, 0}, {8, 9, 10}}},
      {3, PadSide::pre, PadSide::post, 0, {{1, 2, 3}, {0, 6, 7}, {0, 0, 0}, {8, 9, 10}}},
      {3, PadSide::post, PadSide::pre, 0, {{3, 4, 5}, {6, 7, 0}, {0, 0, 0}, {8, 9, 10}}},
      {3, PadSide::post, PadSide::post, 0, {{1, 2, 3}, {6, 7, 0}, {0, 0, 0}, {8, 9, 10}}},
      // A custom value fills the gaps and whole empty rows; ids equal to it are left alone.
      {3, PadSide::pre, PadSide::pre, 7, {{3, 4, 5}, {7, 6, 7}, {7, 7, 7}, {8, 9, 10}}},
      {3, PadSide::post, PadSide::post, -1, {{1, 2, 3}, {6, 7, -1}, {-1, -1, -1}, {8, 9, 10}}},
      // Length 1: only the last (pre) or first (post) id of each row survives.
      {1, PadSide::pre, PadSide::pre, 0, {{5}, {7}, {0}, {10}}},
      {1, PadSide::post, PadSide::post, 0, {{1}, {6}, {0}, {8}}},
      // No length: the longest row (5) sets it, so nothing is truncated whatever the side.
      {std::nullopt, PadSide::pre, PadSide::pre, 0,
       {{1, 2, 3, 4, 5}, {0, 0, 0, 6, 7}, {0, 0, 0, 0, 0}, {0, 0, 8, 9, 10}}},
      {std::nullopt, PadSide::pre, PadSide::post, 0,
       {{1, 2, 3, 4, 5}, {0, 0, 0, 6, 7}, {0, 0, 0, 0, 0}, {0, 0, 8, 9, 10}}},
      {std::nullopt, PadSide::post, PadSide::pre, 0,
       {{1, 2, 3, 4, 5}, {6, 7, 0, 0, 0}, {0, 0, 0, 0, 0}, {8, 9, 10, 0, 0}}},
      // Longer than every row: every row is padded, none truncated.
      {7, PadSide::pre, PadSide::post, 0,
       {{0, 0, 1, 2, 3, 4, 5}, {0, 0, 0, 0, 0, 6, 7}, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 8, 9, 10}}},
      {7, PadSide::post, PadSide::pre, 0,
       {{1, 2, 3, 4, 5, 0, 0}, {6, 7, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}, {8, 9, 10, 0, 0, 0, 0}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input_length.value_or(0));
    CAPTURE(c.padding == PadSide::pre ? "padding=pre" : "padding=post");
    CAPTURE(c.truncating == PadSide::pre ? "truncating=pre" : "truncating=post");
    CAPTURE(c.value);
    CHECK(embedtool::pad_sequences(sequences, options(c.input_length, c.padding, c.truncating,
                                                      c.value)) == c.expected);
  }
}

TEST_CASE("pad_sequences: length 0 gives empty rows") {
  // Keras gives this for truncating=post; with truncating=pre it fails inside numpy, because
  // s[-0:] is the whole sequence and does not fit a 0-wide row. We give empty rows for both.
  const Rows sequences = {{1, 2}, {}, {3}};
  for (PadSide padding : {PadSide::pre, PadSide::post}) {
    for (PadSide truncating : {PadSide::pre, PadSide::post}) {
      CHECK(embedtool::pad_sequences(sequences, options(0, padding, truncating)) ==
            Rows{{}, {}, {}});
    }
  }
}

TEST_CASE("pad_sequences: only empty rows and no length gives empty rows, as Keras") {
  CHECK(embedtool::pad_sequences({{}, {}}, {}) == Rows{{}, {}});
}

TEST_CASE("pad_sequences: no sequences gives no rows") {
  // Keras fails here with maxlen=None (numpy max of nothing) and returns a (0, maxlen) array
  // otherwise; no rows is the answer for both.
  CHECK(embedtool::pad_sequences({}, {}).empty());
  CHECK(embedtool::pad_sequences({}, options(4, PadSide::post, PadSide::post)).empty());
}

TEST_CASE("pad_sequence pads or cuts one sequence to the given length") {
  const Sequence ids = {11, 12, 13, 14};
  CHECK(embedtool::pad_sequence(ids, 6, options(std::nullopt, PadSide::pre, PadSide::pre, 9)) ==
        Sequence{9, 9, 11, 12, 13, 14});
  CHECK(embedtool::pad_sequence(ids, 6, options(std::nullopt, PadSide::post, PadSide::pre, 9)) ==
        Sequence{11, 12, 13, 14, 9, 9});
  CHECK(embedtool::pad_sequence(ids, 2, options(std::nullopt, PadSide::pre, PadSide::pre)) ==
        Sequence{13, 14});
  CHECK(embedtool::pad_sequence(ids, 2, options(std::nullopt, PadSide::pre, PadSide::post)) ==
        Sequence{11, 12});
  CHECK(embedtool::pad_sequence(ids, 4, {}) == ids);
  CHECK(embedtool::pad_sequence({}, 3, {}) == Sequence{0, 0, 0});
  CHECK(embedtool::pad_sequence(ids, 0, {}).empty());
}

TEST_CASE("pad_sequence ignores input_length: the length argument decides") {
  const Sequence ids = {1, 2, 3};
  CHECK(embedtool::pad_sequence(ids, 5, options(1, PadSide::pre, PadSide::pre)) ==
        Sequence{0, 0, 1, 2, 3});
}
