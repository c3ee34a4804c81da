// Format version 4: a classifier's labels and bucket rows are written and read back exactly, by
// a whole load and by the mapped reader, in the layout docs/FORMAT.md gives; version 3 files
// still read as before.
#include <doctest/doctest.h>

#include <limits>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_verify.h"
#include "embedtool/storage/mapped_model.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

LabelSet sample_labels() {
  LabelSet labels;
  labels.add("__label__pos", 120);
  labels.add("__label__négatif", 40);
  labels.add("__label__中立", 0);
  labels.add("__label__a\u00a0b", std::numeric_limits<std::uint64_t>::max());  // no-break space is no ASCII whitespace
  return labels;
}

// sample_model() as a classifier: a softmax head of one row per label, the labels, and 5 bucket
// rows holding values float16 could not (the bucket rows are f32 like the head).
EmbeddingModel classifier_model() {
  EmbeddingModel model = sample_model();
  model.vectors(1, 2) = -65504.0f;  // so that the matrix itself fits float16
  model.labels = sample_labels();
  model.head = HeadWeights{"softmax", Matrix::Constant(4, 3, 0.25f)};
  Matrix rows(5, 3);
  for (Eigen::Index i = 0; i < rows.size(); ++i) rows.data()[i] = 0.5f * static_cast<float>(i) - 3.0f;
  rows(0, 0) = 1e7f;  // beyond ±65504
  rows(2, 1) = std::numeric_limits<float>::denorm_min();
  rows(4, 2) = std::bit_cast<float>(std::uint32_t{0x7fc12345});  // NaN payload
  model.buckets = BucketRows{"word-ngrams", rows};
  return model;
}

void check_same_classifier(const EmbeddingModel& back, const EmbeddingModel& model) {
  CHECK(back.labels == model.labels);
  REQUIRE(back.buckets.has_value() == model.buckets.has_value());
  if (model.buckets) {
    CHECK(back.buckets->kind == model.buckets->kind);
    CHECK(same_bits(back.buckets->rows, model.buckets->rows));
  }
  REQUIRE(back.head.has_value() == model.head.has_value());
  if (model.head) CHECK(same_bits(back.head->weights, model.head->weights));
  check_same_vocabulary(back.vocabulary, model.vocabulary);
  CHECK(back.metadata == model.metadata);
}

}  // namespace

TEST_CASE("labels and bucket rows survive serialize and parse, in float32 and float16 files") {
  const EmbeddingModel model = classifier_model();
  for (Dtype dtype : {Dtype::float32, Dtype::float16}) {
    CAPTURE(dtype_name(dtype));
    const auto bytes = serialize_model(model, {dtype});
    const EmbeddingModel back = parse_model(bytes, "model.emb");
    check_same_classifier(back, model);
    CHECK(back.labels.name(3) == "__label__a\u00a0b");
    CHECK(back.labels.count(3) == std::numeric_limits<std::uint64_t>::max());
    CHECK(serialize_model(back, {dtype}) == bytes);
    CHECK(find_emb_problems(bytes, "model.emb").empty());

    // The header places the labels between the hash index and the matrix, 8-byte aligned, and
    // the bucket rows after the head, 64-byte aligned, at the end of the file.
    CHECK(get_u32(bytes, field::kVersion) == 5);
    CHECK(get_u64(bytes, field::kMetadataOffset) == field::kHeaderSizeV5);
    const std::uint64_t index_end = get_u64(bytes, field::kHashIndexOffset) + get_u64(bytes, field::kHashIndexSize);
    const std::uint64_t labels_offset = get_u64(bytes, field::kLabelsOffset);
    const std::uint64_t labels_end = labels_offset + get_u64(bytes, field::kLabelsSize);
    CHECK(labels_offset % 8 == 0);
    CHECK(labels_offset >= index_end);
    CHECK(labels_offset - index_end < 8);
    CHECK(get_u64(bytes, field::kLabelsCount) == 4);
    CHECK(get_u32(bytes, field::kLabelsReserved) == 0);
    CHECK(get_u64(bytes, field::kMatrixOffset) == (labels_end + 63) / 64 * 64);
    const std::uint64_t head_end = get_u64(bytes, field::kHeadOffset) + get_u64(bytes, field::kHeadSize);
    const std::uint64_t bucket_offset = get_u64(bytes, field::kBucketOffset);
    CHECK(bucket_offset == (head_end + 63) / 64 * 64);
    CHECK(get_u64(bytes, field::kBucketSize) == 5 * 3 * 4);
    CHECK(get_u64(bytes, field::kBucketRows) == 5);
    CHECK(get_u64(bytes, field::kBucketDims) == 3);
    CHECK(get_u32(bytes, field::kBucketKindSize) == 11);
    CHECK((bucket_offset + get_u64(bytes, field::kBucketSize) + 63) / 64 * 64 == get_u64(bytes, field::kNormsOffset));  // the row norms follow
  }
}

TEST_CASE("labels and bucket rows each on their own, and neither") {
  EmbeddingModel model = sample_model();
  SUBCASE("labels only") { model.labels = sample_labels(); }
  SUBCASE("bucket rows only, after the matrix") {
    model.buckets = BucketRows{"word-ngrams", Matrix::Constant(7, 3, -2.0f)};
  }
  SUBCASE("bucket rows of 0 rows, and 0 dims") {
    model.vectors = Matrix(6, 0);
    model.buckets = BucketRows{"char-ngrams", Matrix(0, 0)};
  }
  SUBCASE("a kind storage does not know is kept: it checks the form only") {
    model.buckets = BucketRows{"one-vs-all_v2.{x}~!@#$%^", Matrix::Constant(1, 3, 1.0f)};
    REQUIRE(model.buckets->kind.size() == 24);
  }
  SUBCASE("one label") {
    model.labels.add("x", 1);
  }
  SUBCASE("neither: a version 5 file whose version 4 header fields are all zero") {
    const auto bytes = serialize_model(model);
    CHECK(get_u32(bytes, field::kVersion) == 5);
    for (std::size_t at = field::kBucketCrc; at < field::kHeaderSizeV4; ++at) {
      CAPTURE(at);
      CHECK(bytes[at] == std::byte{0});
    }
  }
  const auto bytes = serialize_model(model);
  const EmbeddingModel back = parse_model(bytes, "model.emb");
  check_same_classifier(back, model);
  if (model.buckets) {
    const std::uint64_t matrix_end = get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize);
    CHECK(get_u64(bytes, field::kBucketOffset) == (matrix_end + 63) / 64 * 64);
  }
  CHECK(find_emb_problems(bytes, "model.emb").empty());
}

TEST_CASE("a mapped model gives the labels and the bucket rows back") {
  ScratchFolder folder;
  const EmbeddingModel model = classifier_model();
  save_model(model, folder.file("c.emb"));
  const MappedModel mapped(folder.file("c.emb"));
  CHECK(mapped.format_version() == 5);
  CHECK(mapped.label_count() == 4);
  CHECK(mapped.labels() == model.labels);
  REQUIRE(mapped.has_buckets());
  CHECK(mapped.buckets().kind == "word-ngrams");
  CHECK(mapped.buckets().rows == 5);
  CHECK(mapped.buckets().dims == 3);
  for (std::uint64_t bucket = 0; bucket < 5; ++bucket) {
    CHECK(same_bits(Matrix(mapped.bucket_row(bucket)),
                    Matrix(model.buckets->rows.row(static_cast<Eigen::Index>(bucket)))));
  }
  check_message(error_of([&] { mapped.bucket_row(5); }), {"bucket row 5 is out of range", "has 5 bucket rows"});
  check_same_classifier(mapped.load(), model);

  SUBCASE("with limit_words the labels and bucket rows stay, the head goes") {
    MappedModel limited(folder.file("c.emb"));
    limited.limit_words(2);
    const EmbeddingModel back = limited.load();
    CHECK(back.vocabulary.word_count() == 2);
    CHECK_FALSE(back.head.has_value());
    CHECK(back.labels == model.labels);
    REQUIRE(back.buckets.has_value());
    CHECK(same_bits(back.buckets->rows, model.buckets->rows));
  }
  SUBCASE("a word model has no labels and no bucket rows") {
    save_model(sample_model(), folder.file("w.emb"));
    const MappedModel words(folder.file("w.emb"));
    CHECK(words.label_count() == 0);
    CHECK(words.labels().empty());
    CHECK_FALSE(words.has_buckets());
    CHECK(words.buckets().kind.empty());
    check_message(error_of([&] { words.bucket_row(0); }), {"bucket row 0 is out of range", "has 0 bucket rows"});
  }
}

TEST_CASE("the writer produces exactly the version 5 layout of docs/FORMAT.md") {
  HandBuiltEmb hand;
  hand.version = 5;
  SUBCASE("nothing optional but the hash index") {}
  SUBCASE("labels") {
    hand.labels = {"__label__b", "__label__é"};
    hand.label_counts = {9, 9};
  }
  SUBCASE("bucket rows after the matrix") { hand.bucket_kind = "word-ngrams"; }
  SUBCASE("everything, float16 matrix") {
    hand.head_kind = "softmax";
    hand.labels = {"__label__a", "__label__b", "__label__c", "__label__d"};
    hand.label_counts = {4, 3, 2, 1};
    hand.bucket_kind = "char-ngrams";
    hand.dtype = 1;
  }
  const auto bytes = hand.build();
  const EmbeddingModel model = parse_model(bytes, "hand.emb");
  REQUIRE(model.labels.size() == hand.labels.size());
  for (std::size_t i = 0; i < hand.labels.size(); ++i) {
    CHECK(model.labels.name(i) == hand.labels[i]);
    CHECK(model.labels.count(i) == hand.label_counts[i]);
  }
  CHECK(model.buckets.has_value() == !hand.bucket_kind.empty());
  if (model.buckets) {
    CHECK(model.buckets->kind == hand.bucket_kind);
    REQUIRE(model.buckets->rows.rows() == 3);
    REQUIRE(model.buckets->rows.cols() == 2);
    for (Eigen::Index row = 0; row < 3; ++row) {
      for (Eigen::Index col = 0; col < 2; ++col) {
        CHECK(model.buckets->rows(row, col) ==
              hand.bucket_value(static_cast<std::uint64_t>(row), static_cast<std::uint64_t>(col)));
      }
    }
  }
  CHECK(serialize_model(model, {hand.dtype == 1 ? Dtype::float16 : Dtype::float32}) == bytes);
}

TEST_CASE("a version 3 file still reads as before, and is rewritten as version 5") {
  HandBuiltEmb hand;
  hand.version = 3;
  hand.head_kind = "ns";
  const auto bytes = hand.build();
  REQUIRE(get_u64(bytes, field::kMetadataOffset) == field::kHeaderSizeV3);
  const EmbeddingModel model = parse_model(bytes, "v3.emb");
  REQUIRE(model.head.has_value());
  CHECK(model.head->kind == "ns");
  CHECK(model.labels.empty());
  CHECK_FALSE(model.buckets.has_value());
  CHECK(find_emb_problems(bytes, "v3.emb").empty());

  const auto rewritten = serialize_model(model);
  CHECK(get_u32(rewritten, field::kVersion) == 5);
  const EmbeddingModel again = parse_model(rewritten, "v4.emb");
  check_same_vocabulary(again.vocabulary, model.vocabulary);
  CHECK(same_bits(again.vectors, model.vectors));
  CHECK(same_bits(again.head->weights, model.head->weights));
}

TEST_CASE("labels and bucket rows that cannot be written are refused before anything is written") {
  EmbeddingModel model = classifier_model();
  SUBCASE("bucket rows narrower than the matrix") {
    model.buckets->rows = Matrix::Zero(5, 2);
    check_message(error_of([&] { serialize_model(model); }),
                  {"cannot save model: the word-ngrams bucket rows have 2 columns, expected output_dim = 3"});
  }
  SUBCASE("an empty bucket kind") {
    model.buckets->kind = "";
    check_message(error_of([&] { serialize_model(model); }), {"cannot save model: the bucket kind \"\" is empty"});
  }
  SUBCASE("a bucket kind with a space") {
    model.buckets->kind = "word ngrams";
    check_message(error_of([&] { serialize_model(model); }),
                  {"the bucket kind \"word ngrams\" has byte 20 at position 4, expected visible ASCII"});
  }
  SUBCASE("a bucket kind longer than the header's field") {
    model.buckets->kind = std::string(25, 'k');
    check_message(error_of([&] { serialize_model(model); }), {"bucket kind", "has 25 bytes, more than 24"});
  }
  SUBCASE("a label with whitespace") {
    model.labels.add("__label__a\tb", 1);
    check_message(error_of([&] { serialize_model(model); }),
                  {"cannot save model: label 4 \"__label__a\\x09b\" has the whitespace byte 09 at position 10"});
  }
  SUBCASE("a label that is not UTF-8") {
    model.labels.add("__label__\xff", 1);
    check_message(error_of([&] { serialize_model(model); }),
                  {"cannot save model: label 4", "is not valid UTF-8 (byte 9 of the name)"});
  }
  ScratchFolder folder;
  check_message(error_of([&] { save_model(model, folder.file("m.emb")); }), {"cannot save"});
  CHECK(folder.names().empty());
}
