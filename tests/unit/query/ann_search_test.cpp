// AnnSearch over a graph hnswlib built (query/ann_build.h) and written and read back as an index
// file: its recall@10 against ExactSearch, its answers for planted near neighbours, its order
// and exclusions, float16 rows, and damage met during a search.
#include "embedtool/query/ann_search.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <vector>

#include "embedtool/query/ann_build.h"
#include "embedtool/query/exact_search.h"
#include "embedtool/query/row_dots.h"
#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/float16.h"
#include "error_message.h"

namespace ann_search_test {

using namespace embedtool;

// A model's rows as a file holds them, with their norms.
struct PlantedRows {
  std::size_t rows = 0;
  std::size_t dims = 0;
  std::vector<float> values;
  std::vector<std::uint16_t> halves;  // float16 bits, when asked for
  std::vector<float> norms;

  StoredRows stored(Dtype dtype) const {
    const auto* bytes = dtype == Dtype::float16 ? reinterpret_cast<const std::byte*>(halves.data())
                                                : reinterpret_cast<const std::byte*>(values.data());
    return {bytes, rows, dims, dtype, norms.data()};
  }
  const float* row(std::size_t r) const { return values.data() + r * dims; }
};

// Gaussian rows, where every row r in `planted` (a word) gets five near copies right after it:
// its true five nearest neighbours, which any answer for it must hold.
constexpr std::size_t kCopies = 5;
PlantedRows planted_rows(std::size_t rows, std::size_t dims, const std::set<std::size_t>& planted,
                         Dtype dtype) {
  PlantedRows out;
  out.rows = rows;
  out.dims = dims;
  out.values.resize(rows * dims);
  std::mt19937 random(7);
  std::normal_distribution<float> normal;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t d = 0; d < dims; ++d) out.values[r * dims + d] = normal(random);
  }
  for (std::size_t word : planted) {
    for (std::size_t c = 1; c <= kCopies; ++c) {
      for (std::size_t d = 0; d < dims; ++d) {
        out.values[(word + c) * dims + d] = out.values[word * dims + d] + 0.05f * static_cast<float>(c) * normal(random);
      }
    }
  }
  for (float& value : out.values) {
    if (dtype != Dtype::float16) break;
    out.halves.push_back(float16_bits_of(value));
    value = float_of_float16_bits(out.halves.back());
  }
  for (std::size_t r = 0; r < rows; ++r) {
    double square = 0;
    for (std::size_t d = 0; d < dims; ++d) square += double(out.row(r)[d]) * out.row(r)[d];
    out.norms.push_back(static_cast<float>(std::sqrt(square)));
  }
  return out;
}

// The index as a search finds it: built with one thread (the same graph on every run), written
// and decoded as a file.
struct BuiltIndex {
  std::vector<std::byte> file;
  AnnFileHeader header;

  BuiltIndex(const StoredRows& rows, AnnParameters parameters = {}) {
    AnnBuildSettings settings;
    settings.parameters = parameters;
    settings.threads = 1;
    file = encode_ann_file(build_ann_graph(rows, {rows.rows, rows.dims, 0, 0, 0}, settings));
    header = decode_ann_header(file, "test.emb.ann");
  }
  AnnGraphView graph() const { return {file, header, "test.emb.ann"}; }
};

std::vector<NearestQuery> word_queries(const PlantedRows& rows, const std::vector<std::size_t>& words) {
  std::vector<NearestQuery> queries;
  for (std::size_t word : words) {
    Eigen::VectorXf vector = Eigen::Map<const Eigen::VectorXf>(rows.row(word), static_cast<Eigen::Index>(rows.dims));
    queries.push_back({vector, {static_cast<WordId>(word)}});
  }
  return queries;
}

double recall(const std::vector<std::vector<Neighbour>>& exact, const std::vector<std::vector<Neighbour>>& found) {
  std::size_t hits = 0, total = 0;
  for (std::size_t q = 0; q < exact.size(); ++q) {
    for (const Neighbour& truth : exact[q]) {
      ++total;
      hits += std::any_of(found[q].begin(), found[q].end(), [&](const Neighbour& n) { return n.id == truth.id; });
    }
  }
  return static_cast<double>(hits) / static_cast<double>(total);
}

std::vector<std::size_t> every_nth_row(std::size_t rows, std::size_t step) {
  std::vector<std::size_t> words;
  for (std::size_t r = kFirstWordId; r < rows; r += step) words.push_back(r);
  return words;
}

TEST_CASE("recall@10 against the exact search, and what ef buys") {
  // 32 dimensions of noise: far from the hardest case (300), far from trivial (the beam of 64
  // explores a few percent of the 4,000 rows).
  const PlantedRows rows = planted_rows(4000, 100, {}, Dtype::float32);
  const StoredRows stored = rows.stored(Dtype::float32);
  const BuiltIndex index(stored);
  const AnnSearch search(stored, index.graph(), 2);
  const ExactSearch exact(stored, 1);
  const auto queries = word_queries(rows, every_nth_row(rows.rows, 13));
  const auto truth = exact.nearest(queries, 10);
  const double at_default = recall(truth, search.nearest(queries, 10, search.default_ef()));
  const double at_k = recall(truth, search.nearest(queries, 10, 10));
  const double whole = recall(truth, search.nearest(queries, 10, rows.rows));
  MESSAGE("recall@10: ", at_k, " at ef 10, ", at_default, " at ef ", search.default_ef(), ", ", whole, " at ef = rows");
  CHECK(search.default_ef() == 64);
  CHECK(at_default >= 0.97);  // 0.98 measured
  CHECK(at_k < at_default);
  CHECK(whole == 1.0);  // a beam as wide as the model reaches every row: the exact answers
}

TEST_CASE("a word's planted near copies are its answers, with the exact search's cosines, in order") {
  std::set<std::size_t> planted;
  for (std::size_t word = 10; word + kCopies < 3000; word += 150) planted.insert(word);
  for (Dtype dtype : {Dtype::float32, Dtype::float16}) {
    CAPTURE(dtype_name(dtype));
    const PlantedRows rows = planted_rows(3000, 48, planted, dtype);
    const StoredRows stored = rows.stored(dtype);
    const BuiltIndex index(stored);
    const AnnSearch search(stored, index.graph());
    const ExactSearch exact(stored);
    const std::vector<std::size_t> words(planted.begin(), planted.end());
    const auto queries = word_queries(rows, words);
    const auto answers = search.nearest(queries, 8, 64);
    const auto truth = exact.nearest(queries, 8);
    for (std::size_t q = 0; q < words.size(); ++q) {
      CAPTURE(words[q]);
      REQUIRE(answers[q].size() == 8);
      std::set<WordId> top5;
      for (std::size_t i = 0; i < kCopies; ++i) top5.insert(answers[q][i].id);
      std::set<WordId> copies;
      for (std::size_t c = 1; c <= kCopies; ++c) copies.insert(static_cast<WordId>(words[q] + c));
      CHECK(top5 == copies);
      for (std::size_t i = 0; i < kCopies; ++i) {
        CHECK(answers[q][i].id == truth[q][i].id);
        CHECK(answers[q][i].similarity == doctest::Approx(truth[q][i].similarity).epsilon(1e-5));
        if (i > 0) CHECK(answers[q][i - 1].similarity >= answers[q][i].similarity);
      }
    }
  }
}

TEST_CASE("exclusions, reserved rows, zero queries and rows without a direction") {
  PlantedRows rows = planted_rows(300, 8, {}, Dtype::float32);
  std::fill(rows.values.begin() + 5 * 8, rows.values.begin() + 6 * 8, 0.0f);  // row 5: zero
  rows.norms[5] = 0;
  rows.values[7 * 8] = std::nanf("");  // row 7: NaN
  rows.norms[7] = std::nanf("");
  const StoredRows stored = rows.stored(Dtype::float32);
  const BuiltIndex index(stored);
  CHECK(index.header.nodes == 300 - 2 - 2);
  const AnnSearch search(stored, index.graph());
  auto queries = word_queries(rows, {20, 21});
  queries[1].exclude = {21, 22, 23};
  queries.push_back({Eigen::VectorXf::Zero(8), {}});
  const auto answers = search.nearest(queries, 400, 400);
  REQUIRE(answers.size() == 3);
  CHECK(answers[0].size() == 300 - 2 - 2 - 1);  // every word row with a direction but the query's
  for (const Neighbour& n : answers[1]) {
    CHECK(n.id >= kFirstWordId);
    CHECK(n.id != 5);
    CHECK(n.id != 7);
    CHECK((n.id < 21 || n.id > 23));
  }
  CHECK(answers[2].empty());
}

TEST_CASE("a damaged link is an Error, from any thread, never a read outside the model") {
  const PlantedRows rows = planted_rows(500, 8, {}, Dtype::float32);
  const StoredRows stored = rows.stored(Dtype::float32);
  BuiltIndex index(stored);
  // Every level-0 record's first link points past the model's rows.
  const std::uint64_t record = 4 * (1 + index.header.parameters.links0);
  for (std::uint64_t row = kFirstWordId; row < rows.rows; ++row) {
    std::byte* link = index.file.data() + index.header.level0.offset + row * record + 4;
    link[0] = std::byte{0xFF};
    link[1] = std::byte{0xFF};
  }
  const AnnSearch search(stored, index.graph(), 2);
  const std::string message = unit_test::error_of([&] { search.nearest(word_queries(rows, {10, 20, 30, 40}), 5, 32); });
  CHECK(message.find("test.emb.ann is damaged: row ") != std::string::npos);
  CHECK(message.find(", beyond the 500 rows") != std::string::npos);
}

TEST_CASE("single-row dot products, float32 and float16, both kernels, any width") {
  for (bool portable : {false, true}) {
    force_portable_row_dots(portable);
    for (std::size_t dims : {std::size_t{1}, std::size_t{13}, std::size_t{64}, std::size_t{300}}) {
      for (Dtype dtype : {Dtype::float32, Dtype::float16}) {
        CAPTURE(portable);
        CAPTURE(dims);
        CAPTURE(dtype_name(dtype));
        const PlantedRows rows = planted_rows(4, dims, {}, dtype);
        const StoredRows stored = rows.stored(dtype);
        double both = 0, with_query = 0;
        for (std::size_t d = 0; d < dims; ++d) {
          both += double(rows.row(2)[d]) * rows.row(3)[d];
          with_query += double(rows.row(2)[d]) * rows.row(0)[d];
        }
        CHECK(dot_two_rows(stored, 2, 3) == doctest::Approx(both).epsilon(1e-5));
        CHECK(dot_row(stored, 2, rows.row(0)) == doctest::Approx(with_query).epsilon(1e-5));
      }
    }
  }
  force_portable_row_dots(false);
}

}  // namespace ann_search_test
