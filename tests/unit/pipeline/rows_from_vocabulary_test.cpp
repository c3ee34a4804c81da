// convert --rows-from: row i of E is the pretrained vector of the vocabulary's word with id i,
// whatever id the pretrained file gave it; missing words are zero or seeded random rows with the
// pretrained rows' spread; the coverage line counts them; bad files fail before anything is built.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include "embedtool/errors.h"
#include "embedtool/pipeline/row_spread.h"
#include "embedtool/pipeline/rows_coverage.h"
#include "embedtool/pipeline/rows_from_files.h"
#include "embedtool/pipeline/rows_from_vocabulary.h"
#include "embedtool/storage/emb_format.h"
#include "support/temp_text_file.h"

namespace embedtool {
namespace rows_from_vocabulary_test {

using testing::TempTextFile;

// As a foreign file reads: "cat" row 2, "dog" row 3, "owl" row 4; the reserved rows are given
// values here so that a test sees they are never copied.
EmbeddingModel pretrained_vectors() {
  EmbeddingModel model;
  model.vocabulary.add("cat", 9);
  model.vocabulary.add("dog", 5);
  model.vocabulary.add("owl", 1);
  model.vectors = Matrix::Constant(5, 2, 9.0f);
  model.vectors.row(2) << 1, 2;
  model.vectors.row(3) << 3, 4;
  model.vectors.row(4) << 5, 6;
  return model;
}

// Another numbering: dog 2, bee 3 (not pretrained), cat 4, ant 5 (not pretrained).
Vocabulary my_vocabulary() {
  Vocabulary vocabulary;
  vocabulary.add("dog", 70);
  vocabulary.add("bee", 60);
  vocabulary.add("cat", 50);
  vocabulary.add("ant", 40);
  return vocabulary;
}

// "w17", by snprintf: g++ 12 warns falsely (-Wrestrict) on "w" + std::to_string(k) and on +=.
std::string numbered_word(int k) {
  char word[16];
  std::snprintf(word, sizeof word, "w%d", k);
  return word;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary);
  file << bytes;
  REQUIRE(file.flush());
}

TEST_CASE("rows_from_vocabulary: row i is the vector of the word with id i; the rest are zero") {
  const RowsFromResult result = rows_from_vocabulary(pretrained_vectors(), my_vocabulary());
  const Matrix& e = result.model.vectors;
  REQUIRE(e.rows() == 6);  // input_dim: <pad>, <unk> and four words
  REQUIRE(e.cols() == 2);
  CHECK(e.row(0).isZero());  // reserved rows: zero, not the pretrained file's 9s
  CHECK(e.row(1).isZero());
  CHECK(e(2, 0) == 3.0f);  // dog
  CHECK(e(2, 1) == 4.0f);
  CHECK(e.row(3).isZero());  // bee: missing
  CHECK(e(4, 0) == 1.0f);  // cat
  CHECK(e(4, 1) == 2.0f);
  CHECK(e.row(5).isZero());  // ant: missing
  CHECK(result.missing == std::vector<WordId>{3, 5});
  CHECK(result.found() == 2);
  CHECK(result.model.vocabulary.word(4) == "cat");  // the vocabulary given, counts and all
  CHECK(result.model.vocabulary.count(2) == 70);
}

TEST_CASE("rows_from_vocabulary: words match by exact spelling, case included") {
  Vocabulary vocabulary;
  vocabulary.add("Cat", 1);
  const RowsFromResult result = rows_from_vocabulary(pretrained_vectors(), vocabulary);
  CHECK(result.found() == 0);
  CHECK(result.model.vectors.isZero());
}

TEST_CASE("rows_from_vocabulary --missing random: seeded rows with the pretrained spread") {
  RowsFromOptions options;
  options.missing = MissingRows::random;
  options.seed = 7;
  const RowsFromResult first = rows_from_vocabulary(pretrained_vectors(), my_vocabulary(), options);
  const RowsFromResult again = rows_from_vocabulary(pretrained_vectors(), my_vocabulary(), options);
  options.seed = 8;
  const RowsFromResult other = rows_from_vocabulary(pretrained_vectors(), my_vocabulary(), options);
  const Matrix& e = first.model.vectors;
  CHECK(e == again.model.vectors);
  CHECK(e.row(3) != other.model.vectors.row(3));
  CHECK(e.row(0).isZero());  // reserved rows stay zero
  CHECK(e.row(1).isZero());
  CHECK(e(2, 0) == 3.0f);  // found rows are the pretrained ones
  CHECK(e(4, 1) == 2.0f);
  CHECK(e.row(3) != e.row(5));
  // Column 0 of the pretrained words is 1, 3, 5: mean 3, deviation √(8/3); column 1: 2, 4, 6.
  const double half_width = std::sqrt(3.0) * std::sqrt(8.0 / 3.0);  // = √8
  for (const Eigen::Index id : {3, 5}) {
    CHECK(std::abs(e(id, 0) - 3.0) <= half_width);
    CHECK(std::abs(e(id, 1) - 4.0) <= half_width);
  }
}

TEST_CASE("spread_of_rows: per-column mean and deviation of the finite rows from first_row on") {
  Matrix rows(5, 2);
  rows << 100, 100,  // skipped: before first_row
      1, 10,         //
      3, 10,         //
      std::numeric_limits<float>::quiet_NaN(), 0,  // skipped: not finite
      5, 10;
  const RowSpread spread = spread_of_rows(rows, 1);
  CHECK(spread.mean[0] == doctest::Approx(3.0));
  CHECK(spread.mean[1] == doctest::Approx(10.0));
  CHECK(spread.deviation[0] == doctest::Approx(std::sqrt(8.0 / 3.0)));
  CHECK(spread.deviation[1] == doctest::Approx(0.0));

  // Many draws: their mean and deviation are those asked for.
  Random random(1);
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(2), squares = Eigen::VectorXd::Zero(2);
  const int draws = 100000;
  for (int k = 0; k < draws; ++k) {
    const Eigen::VectorXd row = draw_row_like(spread, random).transpose().cast<double>();
    sum += row;
    squares += row.cwiseAbs2();
  }
  const Eigen::VectorXd mean = sum / draws;
  CHECK(mean[0] == doctest::Approx(3.0).epsilon(0.01));
  CHECK(std::sqrt(squares[0] / draws - mean[0] * mean[0]) ==
        doctest::Approx(std::sqrt(8.0 / 3.0)).epsilon(0.01));
  CHECK(mean[1] == doctest::Approx(10.0));  // no spread: exactly the mean
}

TEST_CASE("rows_coverage_line counts with commas and names the first missing words") {
  CHECK(with_thousands_commas(0) == "0");
  CHECK(with_thousands_commas(999) == "999");
  CHECK(with_thousands_commas(3840) == "3,840");
  CHECK(with_thousands_commas(1234567) == "1,234,567");

  const RowsFromResult result = rows_from_vocabulary(pretrained_vectors(), my_vocabulary());
  CHECK(rows_coverage_line(result, {}, "glove.txt") ==
        "found 2 of 4 words (50.0%) in glove.txt; 2 missing (zero rows), e.g. \"bee\", \"ant\"");
  RowsFromOptions random;
  random.missing = MissingRows::random;
  CHECK(rows_coverage_line(result, random, "g.txt", 1) ==
        "found 2 of 4 words (50.0%) in g.txt; 2 missing (random rows), e.g. \"bee\", ...");

  Vocabulary known;
  known.add("owl", 1);
  CHECK(rows_coverage_line(rows_from_vocabulary(pretrained_vectors(), known), {}, "g.txt") ==
        "found all 1 words in g.txt");

  CHECK(rows_coverage_line(rows_from_vocabulary(pretrained_vectors(), Vocabulary()), {}, "g.txt") ==
        "the vocabulary holds no words: E is the <pad> and <unk> rows alone");

  // 2,999 of 3,000: rounded down, never 100.0% while a word is missing.
  Vocabulary many;
  for (int k = 0; k < 2999; ++k) many.add(numbered_word(k), 1);
  many.add("cat", 1);
  EmbeddingModel big;
  big.vectors = Matrix::Zero(3001, 1);
  for (int k = 0; k < 2999; ++k) big.vocabulary.add(numbered_word(k), 1);
  CHECK(rows_coverage_line(rows_from_vocabulary(big, many), {}, "g.txt") ==
        "found 2,999 of 3,000 words (99.9%) in g.txt; 1 missing (zero rows), e.g. \"cat\"");
}

TEST_CASE("rows_from_files reads a vocab file or a model, and any vector format") {
  const TempTextFile vectors("cat 1 2\ndog 3 4\nowl 5 6\n");  // GloVe: no header
  const std::string vocab_path = vectors.beside("vocab.tsv");
  write_file(vocab_path, "dog\t70\nbee\t60\ncat\t50\nant\t40\n");

  RowsFromJob job{vectors.path(), {}, vocab_path, {}};
  const RowsFromResult from_tsv = rows_from_files(job);
  CHECK(from_tsv.model.vectors.rows() == 6);
  CHECK(from_tsv.model.vectors(4, 1) == 2.0f);  // cat
  CHECK(from_tsv.found() == 2);
  CHECK(from_tsv.model.metadata.at("rows_from").at("vocabulary") == vocab_path);
  CHECK(from_tsv.model.metadata.at("rows_from").at("missing") == 2);
  CHECK_FALSE(from_tsv.model.metadata.contains("tokenizer"));

  // A model's vocabulary (its own vectors play no part) and its tokenizer settings.
  EmbeddingModel model;
  model.vocabulary = my_vocabulary();
  model.vectors = Matrix::Constant(6, 3, 0.5f);
  model.metadata["tokenizer"] = {{"lowercase", false}};
  job.vocabulary_path = vectors.beside("model.emb");
  save_model(model, job.vocabulary_path);
  const RowsFromResult from_model = rows_from_files(job);
  CHECK(from_model.model.vectors == from_tsv.model.vectors);
  CHECK(from_model.model.metadata.at("tokenizer").at("lowercase") == false);
}

TEST_CASE("rows_from_files: a corrupt vocabulary or vector file is an error naming it") {
  const TempTextFile vectors("cat 1 2\ndog 3 4 5\n");  // dog has three numbers, cat two
  const std::string good_vocab = vectors.beside("good.tsv");
  write_file(good_vocab, "cat\t1\n");
  const std::string bad_vocab = vectors.beside("bad.tsv");
  write_file(bad_vocab, "cat\t1\ncat\t1\n");  // a duplicate word

  CHECK_THROWS_WITH_AS(rows_from_files({vectors.path(), {}, bad_vocab, {}}),
                       doctest::Contains("bad.tsv"), Error);
  CHECK_THROWS_WITH_AS(rows_from_files({vectors.path(), {}, good_vocab, {}}),
                       doctest::Contains("corpus.txt"), Error);
  CHECK_THROWS_AS(rows_from_files({"-", {}, "-", {}}), UsageError);
  const std::string empty = vectors.beside("empty.txt");
  write_file(empty, "");
  CHECK_THROWS_WITH_AS(rows_from_files({empty, {}, good_vocab, {}}),
                       doctest::Contains("empty.txt holds no word vectors"), Error);
}

}  // namespace rows_from_vocabulary_test
}  // namespace embedtool
