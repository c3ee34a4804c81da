#include "embedtool/training/line_input_rows.h"
#include "embedtool/sequences/padding.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <set>
#include <stdexcept>
#include <string>
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

// Subwords (--minn, --maxn): a classifier's word and character n-grams share its buckets.

Vocabulary cat_vocabulary() {
  Vocabulary vocabulary;
  vocabulary.add("cat", 5);  // id 2
  vocabulary.add("dog", 3);  // id 3
  return vocabulary;
}

// The rows of "<word>"'s n-grams, as a line's rows number them (below E's rows).
std::vector<InputRow> char_rows(std::string_view word, const LineInputShape& shape) {
  std::vector<InputRow> rows;
  for (const std::uint64_t bucket : char_ngram_buckets(word, shape.char_ngrams, shape.buckets))
    rows.push_back(static_cast<InputRow>(shape.input_dim + bucket));
  return rows;
}

std::vector<InputRow> joined(std::initializer_list<std::vector<InputRow>> parts) {
  std::vector<InputRow> all;
  for (const std::vector<InputRow>& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

TEST_CASE("subwords: each word's own row then its n-grams', word by word, then word n-grams") {
  const Vocabulary vocabulary = cat_vocabulary();
  const LineInputShape shape{vocabulary.input_dim(), 2, 1u << 16, {2, 3}};
  const WordSubwordRows subwords(vocabulary, shape.char_ngrams, shape.buckets);
  std::vector<InputRow> rows;
  append_line_input_rows(Sequence{2, 3}, shape, rows, &subwords);
  // One bigram, after both words' rows; its bucket is the one without subwords.
  const LineInputShape words_alone{vocabulary.input_dim(), 2, 1u << 16};
  const InputRow bigram = rows_of({2, 3}, words_alone).back();
  CHECK(rows == joined({{2}, char_rows("cat", shape), {3}, char_rows("dog", shape), {bigram}}));
  // "<cat>" has 7 n-grams of 2 to 3 characters: <c ca at t> <ca cat at>.
  CHECK(char_rows("cat", shape).size() == 7);
}

TEST_CASE("subwords: one table of buckets for both kinds of n-gram") {
  const Vocabulary vocabulary = cat_vocabulary();
  const LineInputShape shape{vocabulary.input_dim(), 3, 64, {2, 4}};
  CHECK(shape.table_rows() == vocabulary.input_dim() + 64);
  // Character n-grams alone need the buckets too.
  CHECK(LineInputShape{4, 1, 64, {2, 4}}.table_rows() == 4 + 64);
  const WordSubwordRows subwords(vocabulary, shape.char_ngrams, shape.buckets);
  std::vector<InputRow> rows;
  append_line_input_rows(Sequence{2, 3, 2, 3}, shape, rows, &subwords);
  std::size_t bucket_rows = 0;
  for (const InputRow row : rows) {
    if (row < static_cast<InputRow>(shape.input_dim)) continue;
    ++bucket_rows;
    CHECK(row < static_cast<InputRow>(shape.table_rows()));
  }
  // 2 · 9 n-grams of "<cat>" and "<dog>", 3 bigrams and 2 trigrams.
  CHECK(bucket_rows == 2 * char_rows("cat", shape).size() + 2 * char_rows("dog", shape).size() + 5);
}

TEST_CASE("subwords: a line read as text gives a known word the rows training gave it") {
  const Vocabulary vocabulary = cat_vocabulary();
  const LineInputShape shape{vocabulary.input_dim(), 2, 4096, {2, 5}};
  const WordSubwordRows subwords(vocabulary, shape.char_ngrams, shape.buckets);
  std::vector<InputRow> trained;
  append_line_input_rows(Sequence{3, 2}, shape, trained, &subwords);
  std::vector<InputRow> read;
  append_word_input_rows(3, "dog", shape, read);
  append_word_input_rows(2, "cat", shape, read);
  append_word_ngram_rows(Sequence{3, 2}, shape, read);
  CHECK(read == trained);
}

TEST_CASE("subwords: a word outside the vocabulary has its n-grams' rows but no own row") {
  const Vocabulary vocabulary = cat_vocabulary();
  const LineInputShape shape{vocabulary.input_dim(), 1, 4096, {2, 4}};
  std::vector<InputRow> rows;
  append_word_input_rows(kUnknownId, "catz", shape, rows);
  CHECK(rows == char_rows("catz", shape));
  // It shares the n-grams it has in common with "cat" ("<c", "ca", "<ca", "<cat", ...), whose
  // trained rows are what let it count.
  const std::vector<InputRow> cat = char_rows("cat", shape);
  CHECK(std::find(rows.begin(), rows.end(), cat.front()) != rows.end());
  // Padding has none; without subwords, an unknown word has none either.
  rows.clear();
  append_word_input_rows(kPaddingId, "catz", shape, rows);
  CHECK(rows.empty());
  append_word_input_rows(kUnknownId, "catz", LineInputShape{4, 1, 0}, rows);
  CHECK(rows.empty());
  // In training (ids only) an unknown word, one below --min-count, brings nothing of its own.
  const WordSubwordRows subwords(vocabulary, shape.char_ngrams, shape.buckets);
  append_line_input_rows(Sequence{kUnknownId}, shape, rows, &subwords);
  CHECK(rows.empty());
}

TEST_CASE("subwords: the trainer's rows must come with a shape that has them") {
  const Vocabulary vocabulary = cat_vocabulary();
  const LineInputShape shape{vocabulary.input_dim(), 1, 64, {2, 3}};
  std::vector<InputRow> rows;
  CHECK_THROWS_AS(append_line_input_rows(Sequence{2}, shape, rows), std::logic_error);
  const WordSubwordRows subwords(vocabulary, shape.char_ngrams, shape.buckets);
  CHECK_THROWS_AS(append_line_input_rows(Sequence{2}, LineInputShape{4, 1, 0}, rows, &subwords),
                  std::logic_error);
}

}  // namespace
}  // namespace embedtool
