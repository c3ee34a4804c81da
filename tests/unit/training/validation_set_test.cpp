// ValidationSet::accuracy: `embedtool test`'s accuracy on encoded examples, with a hand-set
// softmax head over two labels whose best label is known for every h.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string_view>
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

TEST_CASE("with subwords, an unknown word is scored through its n-grams, as test reads it") {
  // One word, "cat" (id 2, row zero); every bucket row but those of "<dog>"'s n-grams is
  // (0, 1), those are (1, 0). "dogs" is unknown: only its n-grams say anything, and the ones it
  // shares with "dog" pull it towards label 0.
  const LineInputShape shape{3, 1, 512, {2, 3}};
  Matrix input = Matrix::Zero(3 + 512, 2);
  input.bottomRows(512).col(1).setOnes();
  for (const std::uint64_t bucket : char_ngram_buckets("dog", shape.char_ngrams, shape.buckets))
    input.row(3 + static_cast<Eigen::Index>(bucket)) << 1, 0;
  Matrix weights = Matrix::Identity(2, 2);
  const std::vector<std::uint64_t> counts{5, 5};
  const auto family = find_head_kind("softmax")->make_family({counts, 5, 1});
  Random random(1);
  const auto head = family->make(weights, random);

  const Sequence unknown{kUnknownId};
  const std::vector<ClassId> a{0};
  const std::vector<std::string_view> dogs{"dogs"};
  ValidationSet set;
  set.add(unknown, a, dogs);
  // "<dogs>" has 9 n-grams of 2 to 3 characters, 5 of them "<dog>"'s: <d do og <do dog.
  CHECK(set.accuracy(input, shape, *head) == 1.0);
  // Without its tokens, an example cannot be scored with subwords.
  set.add(unknown, a);
  CHECK_THROWS_AS(set.accuracy(input, shape, *head), std::logic_error);
}

}  // namespace
}  // namespace embedtool
