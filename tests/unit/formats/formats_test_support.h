#pragma once
// Shared by the format tests: scratch folders and message checks (from the storage tests), and
// models whose values cover what each format must keep.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "../storage/storage_test_support.h"
#include "embedtool/formats/foreign_options.h"
#include "embedtool/model.h"

namespace embedtool::formats_test {

using storage_test::check_message;
using storage_test::error_of;
using storage_test::read_text_file;
using storage_test::same_bits;
using storage_test::ScratchFolder;
using storage_test::write_text_file;

inline std::span<const std::byte> bytes_of(std::string_view text) {
  return std::as_bytes(std::span(text.data(), text.size()));
}

// Words that need multi-byte UTF-8, and values every format must keep exactly: negative zero,
// a denormal, the float32 extremes, infinities, values that need all 9 significant digits.
// No NaN: text formats keep NaN but not its payload bits.
inline EmbeddingModel corner_model() {
  EmbeddingModel model;
  for (const char* word : {"the", "café", "日本語", "😀", "naïve", "x"}) model.vocabulary.add(word, 0);
  model.vectors = Matrix(8, 4);
  float value = 0.1f;
  for (Eigen::Index i = 0; i < model.vectors.size(); ++i) {
    value = value * -1.37f + 0.011f;
    model.vectors.data()[i] = value;
  }
  model.vectors.topRows(2).setZero();  // foreign formats have no reserved rows: they come back zero
  model.vectors(2, 0) = -0.0f;
  model.vectors(2, 1) = std::numeric_limits<float>::denorm_min();
  model.vectors(2, 2) = std::numeric_limits<float>::max();
  model.vectors(2, 3) = std::numeric_limits<float>::lowest();
  model.vectors(3, 0) = std::numeric_limits<float>::infinity();
  model.vectors(3, 1) = -std::numeric_limits<float>::infinity();
  model.vectors(3, 2) = 0.1f;
  model.vectors(3, 3) = 16777217.0f;  // rounds to 16777216: what a float32 holds
  return model;
}

// Words and values are the same (counts and metadata are not compared: foreign formats have
// neither).
inline void check_same_words_and_values(const EmbeddingModel& expected, const EmbeddingModel& actual) {
  REQUIRE(actual.vocabulary.input_dim() == expected.vocabulary.input_dim());
  for (std::size_t row = 0; row < expected.vocabulary.input_dim(); ++row) {
    CHECK(actual.vocabulary.word(static_cast<WordId>(row)) ==
          expected.vocabulary.word(static_cast<WordId>(row)));
  }
  CHECK(same_bits(actual.vectors, expected.vectors));
}

}  // namespace embedtool::formats_test
