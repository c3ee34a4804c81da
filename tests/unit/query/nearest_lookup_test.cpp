// `lookup --nearest`: how input lines become queries, how they are labelled, and when the
// pending group is answered.
#include "embedtool/query/nearest_lookup.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace embedtool;

namespace {

// Rows: 2 king (1, 1), 3 queen (1, 0.9), 4 man (1, 0), 5 woman (1, -0.1), 6 apple (-1, 0)
NearestLookup lookup_of(std::size_t k, OovPolicy policy = OovPolicy::error, bool by_id = false) {
  Vocabulary vocabulary;
  for (const char* word : {"king", "queen", "man", "woman", "apple"}) vocabulary.add(word, 1);
  Matrix vectors(7, 2);
  vectors << 0, 0, 0, 0, 1, 1, 1, 0.9f, 1, 0, 1, -0.1f, -1, 0;
  return NearestLookup(std::move(vocabulary), std::move(vectors), "m.emb", by_id, k, policy);
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> tokens;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end > at) tokens.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  return tokens;
}

}  // namespace

TEST_CASE("a line of words asks for the neighbours of each word") {
  NearestLookup lookup = lookup_of(2);
  std::vector<QueryProblem> problems;
  CHECK(lookup.add_line(split("king apple"), false, problems));
  CHECK(problems.empty());
  CHECK(lookup.pending() == 2);
  const std::vector<NearestAnswer> answers = lookup.answer_pending();
  CHECK(lookup.pending() == 0);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].label == "king");
  REQUIRE(answers[0].neighbours.size() == 2);
  CHECK(answers[0].neighbours[0].id == 3);  // queen, and never king itself
  CHECK(answers[0].neighbours[0].similarity == doctest::Approx((1 + 0.9) / std::sqrt(2 * 1.81)));
  CHECK(answers[0].neighbours[1].id == 4);  // man
  CHECK(answers[1].label == "apple");
  CHECK(answers[1].neighbours[0].id == 2);  // king, the least opposite
}

TEST_CASE("a line with an operator is one expression, labelled as written") {
  NearestLookup lookup = lookup_of(1);
  std::vector<QueryProblem> problems;
  lookup.add_line(split("king - man + woman"), false, problems);
  CHECK(problems.empty());
  const std::vector<NearestAnswer> answers = lookup.answer_pending();
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].label == "king - man + woman");
  REQUIRE(answers[0].neighbours.size() == 1);
  CHECK(answers[0].neighbours[0].id == 3);  // queen: the words of the expression are left out
  CHECK(lookup.table().word(answers[0].neighbours[0].id) == "queen");
}

TEST_CASE("queries wait while more input is ready, up to kMaxPending") {
  NearestLookup lookup = lookup_of(1);
  std::vector<QueryProblem> problems;
  CHECK_FALSE(lookup.add_line(split("king"), true, problems));
  CHECK_FALSE(lookup.add_line({}, true, problems));  // an empty line asks nothing
  CHECK(lookup.pending() == 1);
  CHECK(lookup.add_line(split("queen"), false, problems));  // the input ran dry: answer now
  CHECK(lookup.answer_pending().size() == 2);
  std::vector<std::string> many(NearestLookup::kMaxPending - 1, "man");
  CHECK_FALSE(lookup.add_line(many, true, problems));
  CHECK(lookup.add_line(split("woman"), true, problems));  // full
  CHECK(lookup.answer_pending().size() == NearestLookup::kMaxPending);
}

TEST_CASE("unanswerable queries are failures, or warnings with --oov skip, and ask nothing") {
  std::vector<QueryProblem> problems;
  NearestLookup failing = lookup_of(1);
  failing.add_line(split("emu king"), false, problems);
  failing.add_line(split("king - -"), false, problems);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].failure);
  CHECK(problems[0].message == "unknown word \"emu\" (not in the vocabulary of m.emb)");
  CHECK(problems[1].failure);
  CHECK_FALSE(problems[1].message.empty());
  CHECK(failing.pending() == 1);

  problems.clear();
  NearestLookup skipping = lookup_of(1, OovPolicy::skip);
  skipping.add_line(split("king - emu"), false, problems);
  REQUIRE(problems.size() == 1);
  CHECK_FALSE(problems[0].failure);
  CHECK(problems[0].message == "skipped unknown word \"emu\" (not in the vocabulary of m.emb)");
  CHECK(skipping.pending() == 0);
}

TEST_CASE("--ids: a row's query is labelled with its word; an expression as written") {
  NearestLookup lookup = lookup_of(1, OovPolicy::error, true);
  std::vector<QueryProblem> problems;
  lookup.add_line(split("2"), false, problems);
  lookup.add_line(split("2 - 4 + 5"), false, problems);
  const std::vector<NearestAnswer> answers = lookup.answer_pending();
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].label == "king");
  CHECK(answers[1].label == "2 - 4 + 5");
  CHECK(answers[1].neighbours[0].id == 3);
}
