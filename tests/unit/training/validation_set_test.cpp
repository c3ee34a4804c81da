// ValidationSet::accuracy: `embedtool test`'s accuracy on encoded examples, with a hand-set
// softmax head over two labels whose best label is known for every h.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "embedtool/training/heads/head_registry.h"
#include "embedtool/training/validation_set.h"

namespace embedtool {
namespace {

TEST_CASE("accuracy counts an example right only when its best label is one of its own") {
  // Rows: 2 = (1, 0), 3 = (0, 1), 4 = (1, 1). W is the identity: label 0 scores h's first
  // component, label 1 its second.
  Matrix input = Matrix::Zero(5, 2);
  input.row(2) << 1, 0;
  input.row(3) << 0, 1;
  input.row(4) << 1, 1;
  Matrix weights = Matrix::Identity(2, 2);
  const std::vector<std::uint64_t> counts{5, 5};
  const auto family = find_head_kind("softmax")->make_family({counts, 5, 1});
  Random random(1);
  const auto head = family->make(weights, random);

  const LineInputShape words_alone{5, 1, 0};
  ValidationSet set;
  CHECK(std::isnan(set.accuracy(input, words_alone, *head)));
  const Sequence row2{2}, row3{3}, row4{4}, rows23{2, 3, 2}, none{kUnknownId};
  const std::vector<ClassId> a{0}, b{1}, both{1, 0}, unknown{};
  set.add(row2, a);       // best a: right
  set.add(row3, a);       // best b: wrong
  set.add(row4, a);       // a tie: the lower class, a: right
  set.add(rows23, both);  // mean (2/3, 1/3): a, one of its two: right
  set.add(none, b);       // no word with a row (unknown alone): wrong
  set.add(row3, unknown); // its labels are none the model has: wrong
  CHECK(set.examples() == 6);
  CHECK(set.accuracy(input, words_alone, *head) == doctest::Approx(3.0 / 6.0));
  // With bigrams in 2 buckets below E (rows 5 and 6, zero), "w2 w3 w2"'s mean moves towards
  // zero but keeps its order: the same answers.
  Matrix with_buckets = Matrix::Zero(7, 2);
  with_buckets.topRows(5) = input;
  CHECK(set.accuracy(with_buckets, LineInputShape{5, 2, 2}, *head) ==
        doctest::Approx(3.0 / 6.0));
}

}  // namespace
}  // namespace embedtool
