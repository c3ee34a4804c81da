// ExactSearch against a straightforward reference: every cosine computed in double from the
// rows as numpy would (unit rows, then dot products), every candidate sorted. Same neighbours,
// cosines within 1e-5, for float32 and float16 rows, stored or computed norms, any thread count.
#include "embedtool/query/exact_search.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "embedtool/query/row_dots.h"
#include "embedtool/storage/float16.h"

using embedtool::Dtype;
using embedtool::ExactSearch;
using embedtool::kFirstWordId;
using embedtool::NearestQuery;
using embedtool::Neighbour;
using embedtool::StoredRows;
using embedtool::WordId;

namespace {

// Rows as floats (row-major) and, for float16, as the bits the file holds.
struct SearchRows {
  std::size_t rows = 0;
  std::size_t dims = 0;
  std::vector<float> values;            // what a float32 file holds, or the widened float16 values
  std::vector<std::uint16_t> halves;    // float16 bits, when dtype is float16
  std::vector<float> norms;             // as the norms section stores them

  StoredRows stored(Dtype dtype, bool with_norms) const {
    const auto* bytes = dtype == Dtype::float16 ? reinterpret_cast<const std::byte*>(halves.data())
                                                : reinterpret_cast<const std::byte*>(values.data());
    return {bytes, rows, dims, dtype, with_norms ? norms.data() : nullptr};
  }
};

SearchRows random_rows(std::size_t rows, std::size_t dims, unsigned seed) {
  SearchRows out;
  out.rows = rows;
  out.dims = dims;
  std::mt19937 random(seed);
  std::normal_distribution<float> normal;
  for (std::size_t i = 0; i < rows * dims; ++i) out.values.push_back(normal(random));
  return out;
}

// Widens (float16) and computes the norms in double: what a writer stores.
void finish(SearchRows& rows, Dtype dtype) {
  if (dtype == Dtype::float16) {
    rows.halves.clear();
    for (float& value : rows.values) {
      rows.halves.push_back(embedtool::float16_bits_of(value));
      value = embedtool::float_of_float16_bits(rows.halves.back());
    }
  }
  rows.norms.clear();
  for (std::size_t r = 0; r < rows.rows; ++r) {
    double square = 0;
    for (std::size_t d = 0; d < rows.dims; ++d) square += double(rows.values[r * rows.dims + d]) * rows.values[r * rows.dims + d];
    rows.norms.push_back(static_cast<float>(std::sqrt(square)));
  }
}

std::vector<Neighbour> reference_nearest(const SearchRows& rows, const NearestQuery& query, std::size_t k) {
  double query_square = 0;
  for (float value : query.vector) query_square += double(value) * value;
  std::vector<std::pair<double, WordId>> all;
  if (!(query_square > 0)) return {};
  for (std::size_t r = kFirstWordId; r < rows.rows; ++r) {
    const auto id = static_cast<WordId>(r);
    if (std::find(query.exclude.begin(), query.exclude.end(), id) != query.exclude.end()) continue;
    double dot = 0, square = 0;
    for (std::size_t d = 0; d < rows.dims; ++d) {
      const double value = rows.values[r * rows.dims + d];
      dot += value * query.vector[static_cast<Eigen::Index>(d)];
      square += value * value;
    }
    if (std::isnan(dot) || std::isnan(square)) continue;
    all.emplace_back(square > 0 ? dot / std::sqrt(square * query_square) : 0.0, id);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<Neighbour> best;
  for (std::size_t i = 0; i < std::min(k, all.size()); ++i) best.push_back({all[i].second, float(all[i].first)});
  return best;
}

NearestQuery row_query(const SearchRows& rows, WordId id) {
  Eigen::VectorXf vector(static_cast<Eigen::Index>(rows.dims));
  for (std::size_t d = 0; d < rows.dims; ++d) vector[static_cast<Eigen::Index>(d)] = rows.values[id * rows.dims + d];
  return {vector, {id}};
}

void check_same(const std::vector<Neighbour>& found, const std::vector<Neighbour>& expected) {
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].id == expected[i].id);
    CHECK(std::abs(found[i].similarity - expected[i].similarity) <= 1e-5f);
  }
}

}  // namespace

TEST_CASE("exact search equals the brute-force reference for one and many queries") {
  // Both kernels: the AVX2 one this CPU may use, and the portable one other CPUs get.
  for (const bool portable : {false, true}) {
  embedtool::force_portable_row_dots(portable);
  for (const Dtype dtype : {Dtype::float32, Dtype::float16}) {
    // 37 and 300 dims: a tail after the 8-wide loops, and the usual size.
    for (const std::size_t dims : {37u, 300u}) {
      SearchRows rows = random_rows(1003, dims, 7 + unsigned(dims));
      finish(rows, dtype);
      std::vector<NearestQuery> queries;
      for (WordId id : {2, 3, 500, 1002, 17, 18, 19}) queries.push_back(row_query(rows, id));
      for (const bool with_norms : {true, false}) {
        for (const unsigned threads : {1u, 2u, 3u}) {
          CAPTURE(dims);
          CAPTURE(with_norms);
          CAPTURE(threads);
          CAPTURE(portable);
          const ExactSearch search(rows.stored(dtype, with_norms), threads);
          // One query alone (matrix-vector), then all seven together (two rows by four queries
          // at a time, and the rest).
          check_same(search.nearest(std::span(queries).first(1), 10)[0], reference_nearest(rows, queries[0], 10));
          const auto answers = search.nearest(queries, 10);
          for (std::size_t q = 0; q < queries.size(); ++q) check_same(answers[q], reference_nearest(rows, queries[q], 10));
        }
      }
    }
  }
  }
  embedtool::force_portable_row_dots(false);
}

TEST_CASE("exact search keeps equal similarities in id order and k may exceed the vocabulary") {
  SearchRows rows = random_rows(40, 9, 3);
  // Rows 10, 20 and 30 are the same vector, and row 25 the same one twice as long: four ties.
  for (std::size_t d = 0; d < rows.dims; ++d) {
    rows.values[20 * rows.dims + d] = rows.values[30 * rows.dims + d] = rows.values[10 * rows.dims + d];
    rows.values[25 * rows.dims + d] = 2 * rows.values[10 * rows.dims + d];
  }
  finish(rows, Dtype::float32);
  NearestQuery query = row_query(rows, 10);
  query.exclude.clear();
  for (const unsigned threads : {1u, 2u, 4u}) {
    const ExactSearch search(rows.stored(Dtype::float32, threads != 2), threads);
    const auto best = search.nearest(std::span(&query, 1), 4)[0];
    REQUIRE(best.size() == 4);
    CHECK(best[0].id == 10);
    CHECK(best[1].id == 20);
    CHECK(best[2].id == 25);
    CHECK(best[3].id == 30);
    // More than the 38 word rows: every one of them, ranked, none of the reserved rows.
    const auto all = search.nearest(std::span(&query, 1), 100)[0];
    check_same(all, reference_nearest(rows, query, 100));
    CHECK(all.size() == 38);
  }
}

TEST_CASE("exact search: zero and NaN rows, zero queries, exclusions, k = 0, large groups") {
  SearchRows rows = random_rows(50, 8, 5);
  for (std::size_t d = 0; d < rows.dims; ++d) {
    rows.values[4 * rows.dims + d] = 0;  // a zero row: cosine 0 with everything
  }
  rows.values[6 * rows.dims + 3] = std::numeric_limits<float>::quiet_NaN();  // never returned
  finish(rows, Dtype::float32);
  const ExactSearch search(rows.stored(Dtype::float32, false), 2);
  std::vector<NearestQuery> queries = {{Eigen::VectorXf::Zero(8), {}}, row_query(rows, 7)};
  queries[1].exclude.push_back(8);
  const auto answers = search.nearest(queries, 100);
  CHECK(answers[0].empty());
  REQUIRE(answers[1].size() == 45);  // 48 word rows but 7 and 8 (excluded) and 6 (NaN)
  check_same(answers[1], reference_nearest(rows, queries[1], 100));
  for (const Neighbour& n : answers[1]) {
    CHECK(n.id != 6);
    if (n.id == 4) CHECK(n.similarity == 0);
  }
  CHECK(search.nearest(queries, 0)[1].empty());
  // More queries than one group holds: answered group by group, in order.
  std::vector<NearestQuery> many;
  for (int i = 0; i < 600; ++i) many.push_back(row_query(rows, kFirstWordId + i % 48));
  const auto many_answers = search.nearest(many, 3);
  for (std::size_t q = 0; q < many.size(); q += 97) check_same(many_answers[q], reference_nearest(rows, many[q], 3));
}

TEST_CASE("unit_row is the row scaled to unit length, float16 widened") {
  SearchRows rows = random_rows(5, 11, 9);
  finish(rows, Dtype::float16);
  const ExactSearch search(rows.stored(Dtype::float16, false), 1);
  const Eigen::VectorXf unit = search.unit_row(3);
  CHECK(unit.norm() == doctest::Approx(1));
  CHECK(unit[0] == doctest::Approx(rows.values[3 * 11] / rows.norms[3]));
  CHECK_THROWS(search.unit_row(5));
}
