#include "embedtool/training/line_input_rows.h"
#include "embedtool/sequences/padding.h"

#include <doctest/doctest.h>

#include <set>
#include <vector>

namespace embedtool {
namespace {

std::vector<InputRow> rows_of(const Sequence& words, const LineInputShape& shape) {
  std::vector<InputRow> rows;
  append_line_input_rows(words, shape, rows);
  return rows;
}

TEST_CASE("words alone: the vocabulary words in order, unknown and padding dropped") {
  const LineInputShape shape{10, 1, 0};
  CHECK(rows_of({5, kUnknownId, 2, kPaddingId, 5}, shape) == std::vector<InputRow>{5, 2, 5});
  CHECK(rows_of({kUnknownId, kPaddingId}, shape).empty());
  CHECK(shape.table_rows() == 10);
}

TEST_CASE("n-grams of 2..n words follow the words, each in a bucket below E's rows") {
  const LineInputShape shape{10, 3, 64};
  CHECK(shape.table_rows() == 74);
  const std::vector<InputRow> rows = rows_of({2, 3, 4, 5}, shape);
  // 4 words, 3 bigrams, 2 trigrams.
  REQUIRE(rows.size() == 4 + 3 + 2);
  CHECK(std::vector<InputRow>(rows.begin(), rows.begin() + 4) == std::vector<InputRow>{2, 3, 4, 5});
  for (std::size_t i = 4; i < rows.size(); ++i) {
    CHECK(rows[i] >= 10);
    CHECK(rows[i] < 74);
  }
}

TEST_CASE("an n-gram's bucket depends on its words and their order") {
  const LineInputShape shape{100, 2, 1u << 20};
  const InputRow ab = rows_of({2, 3}, shape).back();
  const InputRow ba = rows_of({3, 2}, shape).back();
  CHECK(ab != ba);  // a collision here would be a 1 in 2^20 accident
  CHECK(rows_of({7, 2, 3}, shape).back() == ab);
  // Unknown words have no row but take part in n-grams; padding is not there at all.
  CHECK(rows_of({2, kUnknownId}, shape).size() == 2);
  // An n-gram of unknown words alone carries nothing: a line of them has no rows at all.
  CHECK(rows_of({kUnknownId, kUnknownId, kUnknownId}, shape).empty());
  CHECK(rows_of({kUnknownId, kUnknownId, 2}, shape).size() == 2);
  CHECK(rows_of({2, kPaddingId, 3}, shape).back() == ab);
}

TEST_CASE("bigrams spread over the buckets") {
  const LineInputShape shape{1000, 2, 256};
  Sequence words;
  for (WordId id = 2; id < 1000; ++id) words.push_back(id);
  const std::vector<InputRow> rows = rows_of(words, shape);
  const std::set<InputRow> buckets(rows.begin() + 998, rows.end());
  // 997 bigrams thrown into 256 buckets fill about 256 · (1 − e^−3.9) ≈ 251 of them.
  CHECK(buckets.size() > 230);
}

}  // namespace
}  // namespace embedtool
