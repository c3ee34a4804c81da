// `lookup --similarity`: pairs from the arguments or from lines, and the cosine of each pair.
#include "embedtool/query/similarity_lookup.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "lookup_test_support.h"

using namespace embedtool;
using embedtool::lookup_test::TestTable;

TEST_CASE("the arguments must make pairs") {
  CHECK_NOTHROW(check_similarity_arguments(0));
  CHECK_NOTHROW(check_similarity_arguments(4));
  CHECK_THROWS_WITH_AS(check_similarity_arguments(3),
                       "--similarity takes words in pairs: 3 words given", UsageError);
}

TEST_CASE("the arguments pair two by two; a line of input is one pair or nothing") {
  std::vector<QueryProblem> problems;
  const std::vector<std::string> four = {"a", "b", "c", "d"};
  CHECK(similarity_pairs(four, 0, problems) ==
        std::vector<WordPairQuery>{{"a", "b"}, {"c", "d"}});
  const std::vector<std::string> two = {"a", "b"};
  CHECK(similarity_pairs(two, 3, problems) == std::vector<WordPairQuery>{{"a", "b"}});
  CHECK(similarity_pairs({}, 4, problems).empty());
  CHECK(problems.empty());
  const std::vector<std::string> three = {"a", "b", "c"};
  CHECK(similarity_pairs(three, 5, problems).empty());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].failure);
  CHECK(problems[0].message ==
        "line 5 of <stdin> has 3 words, not 2: --similarity reads one pair per line");
}

TEST_CASE("a pair's similarity is the cosine of its rows") {
  const TestTable table;  // cat (3, 4), dog (0, 5), zero (0, 0)
  const QueryResolver resolver = table.resolver();
  const SimilarityLookup lookup(resolver, table.row_of(), OovPolicy::error);
  std::vector<QueryProblem> problems;
  CHECK(lookup.similarity({"cat", "dog"}, problems) == doctest::Approx(0.8));
  CHECK(lookup.similarity({"dog", "dog"}, problems) == doctest::Approx(1));
  CHECK(lookup.similarity({"cat", "zero"}, problems) == 0.0f);
  CHECK(problems.empty());
}

TEST_CASE("each word without a row is named; skip makes them warnings") {
  const TestTable table;
  const QueryResolver resolver = table.resolver();
  std::vector<QueryProblem> problems;
  const SimilarityLookup failing(resolver, table.row_of(), OovPolicy::error);
  CHECK_FALSE(failing.similarity({"emu", "gnu"}, problems));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message == "unknown word \"emu\" (not in the vocabulary of test.emb)");
  CHECK(problems[1].message == "unknown word \"gnu\" (not in the vocabulary of test.emb)");
  CHECK(problems[1].failure);

  problems.clear();
  const SimilarityLookup skipping(resolver, table.row_of(), OovPolicy::skip);
  CHECK_FALSE(skipping.similarity({"cat", "gnu"}, problems));
  REQUIRE(problems.size() == 1);
  CHECK_FALSE(problems[0].failure);
  CHECK(problems[0].message.starts_with("skipped unknown word \"gnu\""));
}
