// The batched and top-k parts of NearestIndex, checked against a plain sort of every score.
#include "embedtool/query/nearest.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

#include "embedtool/errors.h"

using embedtool::kFirstWordId;
using embedtool::Matrix;
using embedtool::NearestIndex;
using embedtool::NearestQuery;
using embedtool::Neighbour;
using embedtool::WordId;

namespace {

Matrix random_matrix(Eigen::Index rows, Eigen::Index cols, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<float> normal;
  Matrix m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = normal(random);
  return m;
}

// Every candidate row scored and sorted: the slow reference.
std::vector<Neighbour> by_full_sort(const std::vector<float>& scores, std::size_t k,
                                    const std::vector<WordId>& exclude) {
  std::vector<Neighbour> all;
  for (std::size_t row = kFirstWordId; row < scores.size(); ++row) {
    const auto id = static_cast<WordId>(row);
    if (std::find(exclude.begin(), exclude.end(), id) == exclude.end()) all.push_back({id, scores[row]});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Neighbour& a, const Neighbour& b) { return a.similarity > b.similarity; });
  all.resize(std::min(k, all.size()));
  return all;
}

}  // namespace

TEST_CASE("top_k matches a full sort, ties to the lower row, exclusions and NaN left out") {
  std::vector<float> scores = {9, 9, 0.5f, 0.7f, 0.7f, std::numeric_limits<float>::quiet_NaN(),
                               0.1f, 0.9f, 0.7f, -1};
  const std::vector<WordId> exclude = {7};
  const auto found = embedtool::top_k(scores.data(), static_cast<Eigen::Index>(scores.size()), 3, exclude);
  REQUIRE(found.size() == 3);
  CHECK(found[0].id == 3);  // 0.7 three times: rows 3, 4, 8 in order; row 7 (0.9) excluded
  CHECK(found[1].id == 4);
  CHECK(found[2].id == 8);
  scores[5] = 0;
  for (std::size_t k : {1u, 4u, 8u, 20u}) {
    const auto top = embedtool::top_k(scores.data(), static_cast<Eigen::Index>(scores.size()), k, exclude);
    const auto expected = by_full_sort(scores, k, exclude);
    REQUIRE(top.size() == expected.size());
    for (std::size_t i = 0; i < top.size(); ++i) CHECK(top[i].id == expected[i].id);
  }
}

TEST_CASE("batched queries give the answers of single queries") {
  const Matrix vectors = random_matrix(500, 16, 7);
  const NearestIndex index(vectors);
  std::vector<NearestQuery> queries;
  for (WordId id = 0; id < 40; ++id) {
    queries.push_back({vectors.row(id).transpose() * 3.0f, {id}});
  }
  queries.push_back({Eigen::VectorXf::Zero(16), {}});  // a zero query has no neighbours
  // A budget of 1,000 scores forces groups of two queries.
  const auto batched = index.nearest(queries, 5, 1000);
  REQUIRE(batched.size() == queries.size());
  for (std::size_t q = 0; q + 1 < queries.size(); ++q) {
    const auto single = index.nearest(queries[q].vector, 5, queries[q].exclude);
    REQUIRE(batched[q].size() == single.size());
    for (std::size_t i = 0; i < single.size(); ++i) {
      CHECK(batched[q][i].id == single[i].id);
      CHECK(batched[q][i].similarity == doctest::Approx(single[i].similarity).epsilon(1e-5));
    }
    CHECK(std::find_if(single.begin(), single.end(), [&](const Neighbour& n) {
            return n.id == queries[q].exclude.front();
          }) == single.end());
  }
  CHECK(batched.back().empty());
}

TEST_CASE("an index built from a moved matrix answers like one built from a copy") {
  Matrix vectors = random_matrix(50, 8, 3);
  const NearestIndex copied(vectors);
  const Eigen::VectorXf query = vectors.row(10).transpose();
  const NearestIndex moved(std::move(vectors));
  const auto a = copied.nearest(query, 4);
  const auto b = moved.nearest(query, 4);
  REQUIRE(a.size() == 4);
  REQUIRE(b.size() == 4);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].id == b[i].id);
  CHECK(a[0].id == 10);
  CHECK(moved.unit_row(10).norm() == doctest::Approx(1));
  CHECK_THROWS_AS(moved.unit_row(50), embedtool::Error);
}
