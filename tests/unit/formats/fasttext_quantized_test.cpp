// The quantized fastText reader (.ftz) on hand-built models: rows decoded from their codes as
// fastText decodes them, pruned dictionaries, and broken files refused with one line each, never
// a crash or a read outside the file.
#include <doctest/doctest.h>

#include <cstring>
#include <limits>

#include "embedtool/errors.h"
#include "embedtool/formats/fasttext_model.h"
#include "embedtool/text/char_ngrams.h"
#include "formats_test_support.h"
#include "hand_built_ftz.h"

using namespace embedtool;
using namespace embedtool::formats_test;

namespace {

Eigen::RowVectorXf decoded_row(const HandBuiltFtz& hand, std::int64_t row) {
  const std::vector<float> values = HandBuiltFtz::decoded(row, hand.front.dim, hand.dsub, hand.qnorm == 1);
  return Eigen::Map<const Eigen::RowVectorXf>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// The mean of the given input rows of `hand`, decoded by the oracle.
Eigen::RowVectorXf mean_of_decoded_rows(const HandBuiltFtz& hand, const std::vector<std::int64_t>& rows) {
  Eigen::RowVectorXf sum = Eigen::RowVectorXf::Zero(hand.front.dim);
  for (const std::int64_t row : rows) sum += decoded_row(hand, row);
  return rows.empty() ? sum : sum / static_cast<float>(rows.size());
}

// The input rows of a word's n-grams: words + bucket, or through the pruned pairs (an n-gram
// whose bucket is not listed has none).
std::vector<std::int64_t> ftz_ngram_rows(const HandBuiltFtz& hand, std::string_view word) {
  const HandBuiltFastText& front = hand.front;
  const auto words = static_cast<std::int64_t>(front.words.size());
  std::vector<std::int64_t> rows;
  const CharNgramRange range{static_cast<std::uint32_t>(front.minn), static_cast<std::uint32_t>(front.maxn)};
  for (const std::uint64_t bucket : char_ngram_buckets(word, range, static_cast<std::uint64_t>(front.bucket))) {
    if (!hand.pruned) {
      rows.push_back(words + static_cast<std::int64_t>(bucket));
      continue;
    }
    for (const auto& [kept, row] : *hand.pruned) {
      if (static_cast<std::uint64_t>(kept) == bucket) rows.push_back(words + row);
    }
  }
  return rows;
}

std::vector<std::int64_t> with_own_row(std::int64_t own, std::vector<std::int64_t> rows) {
  rows.insert(rows.begin(), own);
  return rows;
}

void check_ftz_refused(const HandBuiltFtz& hand, std::initializer_list<std::string_view> parts) {
  const std::vector<std::byte> bytes = hand.build();
  const std::string message = error_of([&] { FastTextModel model(bytes, "ft.ftz"); });
  CHECK(message.find('\n') == std::string::npos);
  check_message(message, parts);
}

}  // namespace

TEST_CASE("a quantized row is its centroids, piece by piece; the last piece may be shorter") {
  HandBuiltFtz hand;
  hand.front.maxn = 0;  // a word's vector is its row alone
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.ftz");
  CHECK(model.layout().quantized());
  CHECK(!model.has_subwords());
  // Row 0: codes 1 and 4, so centroid 1 of piece 0 (1, 1.5) and centroid 4 of piece 1 (304).
  CHECK(model.row(2) == Eigen::RowVector3f(1.0f, 1.5f, 304.0f));
  // Row 1: codes 8 and 11.
  CHECK(model.row(3) == Eigen::RowVector3f(8.0f, 8.5f, 311.0f));

  SUBCASE("with quantized norms, times the row's norm") {
    hand.qnorm = 1;
    const std::vector<std::byte> normed = hand.build();
    const FastTextModel with_norms(normed, "ft.ftz");
    CHECK(with_norms.row(2) == Eigen::RowVector3f(0.5f, 0.75f, 152.0f));   // norm code 0: 0.5
    CHECK(with_norms.row(3) == Eigen::RowVector3f(12.0f, 12.75f, 466.5f)); // norm code 1: 1.5
    CHECK(with_norms.settings()["quantized"]["qnorm"] == true);
  }
}

TEST_CASE("a quantized model's words and unseen words: the mean of the decoded rows, as for a .bin") {
  for (const std::int32_t dsub : {1, 2, 3}) {
    for (const std::uint8_t qnorm : {std::uint8_t{0}, std::uint8_t{1}}) {
      CAPTURE(dsub);
      CAPTURE(qnorm);
      HandBuiltFtz hand;
      hand.dsub = dsub;
      hand.qnorm = qnorm;
      const std::vector<std::byte> bytes = hand.build();
      const FastTextModel model(bytes, "ft.ftz");
      CHECK(model.rows() == 4);
      CHECK(model.has_subwords());
      CHECK(model.row(2).isApprox(mean_of_decoded_rows(hand, with_own_row(0, ftz_ngram_rows(hand, "ab"))), 1e-6f));
      CHECK(model.row(3).isApprox(mean_of_decoded_rows(hand, with_own_row(1, ftz_ngram_rows(hand, "c"))), 1e-6f));
      CHECK(model.subword_vector("bca")->isApprox(mean_of_decoded_rows(hand, ftz_ngram_rows(hand, "bca")), 1e-6f));
      CHECK(model.settings()["quantized"]["dsub"] == dsub);
    }
  }
}

TEST_CASE("a quantized output matrix is read past; convert keeps the decoded n-gram rows") {
  HandBuiltFtz hand;
  hand.qnorm = 1;
  hand.qout = 1;
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.ftz");
  CHECK(model.settings()["quantized"]["qout"] == true);
  CHECK(model.layout().output.quantized.has_value());
  const EmbeddingModel loaded = model.load({});
  CHECK(loaded.vectors.row(2).isApprox(model.row(2), 1e-6f));
  REQUIRE(loaded.buckets.has_value());
  CHECK(loaded.buckets->rows.rows() == 4);
  CHECK(loaded.buckets->rows.row(3).isApprox(decoded_row(hand, 2 + 3), 1e-6f));
}

TEST_CASE("a pruned dictionary: an n-gram counts only if its bucket kept a row") {
  HandBuiltFtz hand;
  // Written out of order, as fastText writes its hash map; rows 0 and 1 after the words.
  hand.pruned = std::vector<std::pair<std::int32_t, std::int32_t>>{{3, 1}, {1, 0}};
  const std::vector<std::byte> bytes = hand.build();
  const FastTextModel model(bytes, "ft.ftz");
  CHECK(model.layout().input.rows == 4);
  CHECK(model.layout().ngram_row(1) == 2);
  CHECK(model.layout().ngram_row(3) == 3);
  CHECK(!model.layout().ngram_row(0));
  for (const std::string_view word : {"ab", "c"}) {
    CAPTURE(word);
    const std::int64_t own = word == "ab" ? 0 : 1;
    CHECK(model.row(own + 2).isApprox(mean_of_decoded_rows(hand, with_own_row(own, ftz_ngram_rows(hand, word))), 1e-6f));
  }
  for (const std::string_view word : {"b", "abc", "zz", "q"}) {
    CAPTURE(word);
    const std::vector<std::int64_t> rows = ftz_ngram_rows(hand, word);
    CHECK(model.subword_vector(word)->isApprox(mean_of_decoded_rows(hand, rows), 1e-6f));
    if (rows.empty()) CHECK(model.subword_vector(word)->isZero());
  }
  CHECK(model.settings()["quantized"]["pruned"] == true);
  // An .emb has a row for every bucket: a zero row would count in the mean, so none are carried.
  CHECK(!model.load({}).buckets.has_value());

  SUBCASE("pruned of every n-gram: a word is its own row, an unseen word zero, as fastText gives") {
    hand.pruned.emplace();
    const std::vector<std::byte> none_kept = hand.build();
    const FastTextModel words_only(none_kept, "ft.ftz");
    CHECK(words_only.row(2).isApprox(decoded_row(hand, 0), 1e-6f));
    CHECK(words_only.subword_vector("ab")->isZero());
  }
}

TEST_CASE("a quantized model truncated anywhere: one line naming what was cut") {
  HandBuiltFtz hand;
  hand.qnorm = 1;
  hand.qout = 1;
  hand.pruned = std::vector<std::pair<std::int32_t, std::int32_t>>{{3, 1}, {1, 0}};
  const std::vector<std::byte> whole = hand.build();
  for (std::size_t length = 0; length < whole.size(); ++length) {
    CAPTURE(length);
    const std::vector<std::byte> cut(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(length));
    const std::string message = error_of([&] { FastTextModel model(cut, "ft.ftz"); });
    CHECK(message.find("ft.ftz is truncated") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
  // Each part is named: cut just after the dictionary's 2 entries, the codes' size, the codes.
  const std::size_t front = HandBuiltFastText(hand.front).build_front().size();
  const auto cut_at = [&](std::size_t length) {
    return std::vector<std::byte>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(length));
  };
  check_message(error_of([&] { FastTextModel model(cut_at(front + 4), "ft.ftz"); }),
                {"the dictionary's 2 pruned n-gram pairs: 16 bytes needed"});
  const std::size_t codesize_at = front + 16 + 1 + 1 + 16;
  check_message(error_of([&] { FastTextModel model(cut_at(codesize_at + 4 + 3), "ft.ftz"); }),
                {"the input matrix's codes (8 bytes): 8 bytes needed at byte " + std::to_string(codesize_at + 4)});
  const std::size_t centroids_at = codesize_at + 4 + 8 + 16;
  check_message(error_of([&] { FastTextModel model(cut_at(centroids_at + 100), "ft.ftz"); }),
                {"the input matrix's centroids (3 x 256 float32): 3072 bytes needed"});
  check_message(error_of([&] { FastTextModel model(cut_at(centroids_at + 3072 + 2), "ft.ftz"); }),
                {"the input matrix's norm codes (4 bytes)"});
  check_message(error_of([&] { FastTextModel model(cut_at(centroids_at + 3072 + 4 + 16 + 1000), "ft.ftz"); }),
                {"the input matrix's norm centroids (256 float32)"});
  check_message(error_of([&] { FastTextModel model(cut_at(whole.size() - 1), "ft.ftz"); }),
                {"the output matrix's norm centroids (256 float32)"});
}

TEST_CASE("a quantized model's damaged fields are named") {
  HandBuiltFtz hand;
  hand.codesize = 5;
  check_ftz_refused(hand, {"ft.ftz is not a valid fastText model: the input matrix has 5 bytes of codes, its 6 rows x 2 "
                           "sub-quantizers need 12"});
  hand = {};
  hand.codesize = -5;
  check_ftz_refused(hand, {"the input matrix's code size is -5"});
  hand = {};
  hand.rows = std::int64_t{1} << 40;
  hand.codesize = 12;
  check_ftz_refused(hand, {"has 12 bytes of codes, its 1099511627776 rows x 2 sub-quantizers need 2199023255552"});
  hand.rows = std::numeric_limits<std::int64_t>::max();
  hand.dsub = 1;  // 3 codes a row
  check_ftz_refused(hand, {"9223372036854775807 rows x 3 sub-quantizers need more than 2^64"});
  hand = {};
  hand.rows = 5;
  check_ftz_refused(hand, {"the input matrix has 5 rows, fewer than its 2 words and 4 n-gram buckets"});
  hand = {};
  hand.cols = 4;
  check_ftz_refused(hand, {"the input matrix has 4 columns, its dim says 3"});
  hand = {};
  hand.quantized = 2;
  check_ftz_refused(hand, {"its quantization flag is 2, expected 0 or 1"});
  hand = {};
  hand.qnorm = 2;
  check_ftz_refused(hand, {"the input matrix's norm flag (qnorm) is 2, expected 0 or 1"});
  hand = {};
  hand.quantizer_dim = 4;
  check_ftz_refused(hand, {"the input matrix's quantizer has dim 4, the matrix 3 columns"});
  hand = {};
  hand.dsub = 0;
  hand.nsubq = 2;
  hand.lastdsub = 1;
  check_ftz_refused(hand, {"the input matrix's quantizer cuts rows into pieces of 0 columns (dsub), expected 1 to 3"});
  hand = {};
  hand.dsub = 4;
  check_ftz_refused(hand, {"pieces of 4 columns (dsub), expected 1 to 3"});
  hand = {};
  hand.nsubq = 3;
  check_ftz_refused(hand, {"the input matrix's quantizer has 3 sub-quantizers (nsubq), the last of -1 columns "
                           "(lastdsub); dim 3 and dsub 2 make 2, the last of 1"});
  hand = {};
  hand.lastdsub = 2;
  check_ftz_refused(hand, {"has 2 sub-quantizers (nsubq), the last of 2 columns (lastdsub); dim 3 and dsub 2 make 2, the last of 1"});
  hand = {};
  hand.qnorm = 1;
  hand.norm_quantizer_dim = 2;
  check_ftz_refused(hand, {"the input matrix's norm quantizer has dim 2, nsubq 1, dsub 1, lastdsub 1; expected 1 each"});
  hand = {};
  hand.trailing_bytes = 3;
  check_ftz_refused(hand, {"goes on after the output matrix (3 more bytes)"});
}

TEST_CASE("a pruned dictionary whose pairs point outside the matrix or repeat a bucket") {
  using Pairs = std::vector<std::pair<std::int32_t, std::int32_t>>;
  HandBuiltFtz hand;
  hand.pruned = Pairs{{3, 0}, {1, 5}};
  check_ftz_refused(hand, {"ft.ftz is not a valid fastText model: pruned n-gram pair 2 of 2 gives bucket 1 input row 7, past "
                           "the input matrix's 4 rows"});
  hand.pruned = Pairs{{3, 0}, {1, -1}};
  check_ftz_refused(hand, {"pruned n-gram pair 2 of 2 gives bucket 1 row -1"});
  hand.pruned = Pairs{{4, 0}};
  check_ftz_refused(hand, {"pruned n-gram pair 1 of 1 names bucket 4, expected 0 to 3"});
  hand.pruned = Pairs{{-2, 0}};
  check_ftz_refused(hand, {"names bucket -2, expected 0 to 3"});
  hand.pruned = Pairs{{1, 0}, {1, 1}};
  check_ftz_refused(hand, {"bucket 1 is in the pruned n-gram pairs twice"});
  hand.pruned = Pairs{{1, 0}};
  hand.quantized = 0;
  check_ftz_refused(hand, {"its dictionary is pruned but its matrix is not quantized"});
  {
    // A count far beyond the file: refused before anything is allocated for it.
    hand = {};
    hand.pruned = Pairs{{1, 0}};
    std::vector<std::byte> bytes = hand.build();
    const std::int64_t huge = std::int64_t{1} << 60;
    std::memcpy(bytes.data() + 8 + 56 + 20, &huge, 8);
    check_message(error_of([&] { FastTextModel model(bytes, "ft.ftz"); }),
                  {"ft.ftz is truncated: the dictionary's 1152921504606846976 pruned n-gram pairs: 9223372036854775808 bytes needed"});
  }
}
