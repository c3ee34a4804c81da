// The head section (format version 3 on): models with and without a head are written and read
// back exactly, in the layout docs/FORMAT.md gives, and version 2 files still read as before.
#include <doctest/doctest.h>

#include <limits>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_verify.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

// sample_model() with a 4-row softmax head holding values float16 could not: the head is f32.
EmbeddingModel model_with_head() {
  EmbeddingModel model = sample_model();
  model.vectors(1, 2) = -65504.0f;  // so that the matrix itself fits float16
  Matrix weights(4, 3);
  for (Eigen::Index i = 0; i < weights.size(); ++i) weights.data()[i] = 0.1f * static_cast<float>(i) - 0.7f;
  weights(0, 0) = 1e6f;  // beyond ±65504
  weights(0, 1) = std::numeric_limits<float>::denorm_min();
  weights(3, 2) = std::bit_cast<float>(std::uint32_t{0x7fc12345});  // NaN payload
  model.head = HeadWeights{"softmax", weights};
  return model;
}

}  // namespace

TEST_CASE("a head survives serialize and parse bit for bit, as f32 in float32 and float16 files") {
  const EmbeddingModel model = model_with_head();
  for (Dtype dtype : {Dtype::float32, Dtype::float16}) {
    CAPTURE(dtype_name(dtype));
    const auto bytes = serialize_model(model, {dtype});
    const EmbeddingModel back = parse_model(bytes, "model.emb");
    REQUIRE(back.head.has_value());
    CHECK(back.head->kind == "softmax");
    CHECK(same_bits(back.head->weights, model.head->weights));
    check_same_vocabulary(back.vocabulary, model.vocabulary);
    CHECK(back.metadata == model.metadata);
    CHECK(serialize_model(back, {dtype}) == bytes);
    CHECK(find_emb_problems(bytes, "model.emb").empty());

    // The header places the head after the matrix, 64-byte aligned, at the end of the file.
    CHECK(get_u32(bytes, field::kVersion) == 5);
    CHECK(get_u64(bytes, field::kMetadataOffset) == field::kHeaderSizeV5);
    const std::uint64_t matrix_end = get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize);
    const std::uint64_t head_offset = get_u64(bytes, field::kHeadOffset);
    CHECK(head_offset % 64 == 0);
    CHECK(head_offset >= matrix_end);
    CHECK(head_offset - matrix_end < 64);
    CHECK(get_u64(bytes, field::kHeadSize) == 4 * 3 * 4);
    CHECK(get_u64(bytes, field::kHeadRows) == 4);
    CHECK(get_u64(bytes, field::kHeadDims) == 3);
    CHECK(get_u32(bytes, field::kHeadKindSize) == 7);
    CHECK((head_offset + get_u64(bytes, field::kHeadSize) + 63) / 64 * 64 == get_u64(bytes, field::kNormsOffset));  // the row norms follow
  }
}

TEST_CASE("a model without a head is a version 5 file whose head fields are all zero") {
  const auto bytes = serialize_model(sample_model());
  CHECK(get_u32(bytes, field::kVersion) == 5);
  for (std::size_t at = field::kHeadCrc; at < field::kHeaderSizeV3; ++at) {
    CAPTURE(at);
    CHECK(bytes[at] == std::byte{0});
  }
  CHECK_FALSE(parse_model(bytes, "model.emb").head.has_value());
}

TEST_CASE("edge heads round trip") {
  EmbeddingModel model = sample_model();
  SUBCASE("no rows") { model.head = HeadWeights{"ns", Matrix(0, 3)}; }
  SUBCASE("the longest kind, every visible ASCII class") {
    model.head = HeadWeights{"one-vs-all_v2.{x}~!@#$%^", Matrix::Constant(2, 3, 0.5f)};
    REQUIRE(model.head->kind.size() == 24);
  }
  SUBCASE("zero dims") {
    model.vectors = Matrix(6, 0);
    model.head = HeadWeights{"hs", Matrix(5, 0)};
  }
  const EmbeddingModel back = parse_model(serialize_model(model), "model.emb");
  REQUIRE(back.head.has_value());
  CHECK(back.head->kind == model.head->kind);
  CHECK(same_bits(back.head->weights, model.head->weights));
}

TEST_CASE("the writer produces exactly the head section layout of docs/FORMAT.md") {
  HandBuiltEmb hand;
  hand.version = 5;
  SUBCASE("without a head") {}
  SUBCASE("with a head") { hand.head_kind = "hs"; }
  SUBCASE("with a head, float16 matrix") {
    hand.head_kind = "softmax";
    hand.dtype = 1;
  }
  const auto bytes = hand.build();
  const EmbeddingModel model = parse_model(bytes, "hand.emb");
  CHECK(model.head.has_value() == !hand.head_kind.empty());
  if (model.head) {
    CHECK(model.head->kind == hand.head_kind);
    REQUIRE(model.head->weights.rows() == 4);
    REQUIRE(model.head->weights.cols() == 2);
    for (std::uint64_t row = 0; row < 4; ++row) {
      for (std::uint64_t col = 0; col < 2; ++col) {
        CHECK(model.head->weights(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(col)) ==
              hand.head_value(row, col));
      }
    }
  }
  CHECK(model.vectors(3, 1) == hand.value(3, 1));
  CHECK(serialize_model(model, {hand.dtype == 1 ? Dtype::float16 : Dtype::float32}) == bytes);
}

TEST_CASE("a version 2 file still reads as before, and is rewritten as version 5") {
  const HandBuiltEmb hand;  // version 2, 128-byte header
  const auto bytes = hand.build();
  REQUIRE(get_u32(bytes, field::kVersion) == 2);
  REQUIRE(get_u64(bytes, field::kMetadataOffset) == field::kHeaderSize);
  const EmbeddingModel model = parse_model(bytes, "v2.emb");
  CHECK_FALSE(model.head.has_value());
  CHECK(model.vocabulary.id_of("東京") == 4);
  CHECK(model.vectors(4, 1) == hand.value(4, 1));
  CHECK(model.metadata == nlohmann::json::parse(hand.metadata));
  CHECK(find_emb_problems(bytes, "v2.emb").empty());

  const auto rewritten = serialize_model(model);
  CHECK(get_u32(rewritten, field::kVersion) == 5);
  const EmbeddingModel again = parse_model(rewritten, "v4.emb");
  check_same_vocabulary(again.vocabulary, model.vocabulary);
  CHECK(same_bits(again.vectors, model.vectors));
}

TEST_CASE("heads that cannot be written are refused before anything is written") {
  EmbeddingModel model = model_with_head();
  SUBCASE("weights narrower than the matrix") {
    model.head->weights = Matrix::Zero(4, 2);
    check_message(error_of([&] { serialize_model(model); }),
                  {"cannot save model: the softmax head's weights have 2 columns, expected output_dim = 3"});
  }
  SUBCASE("an empty kind") {
    model.head->kind = "";
    check_message(error_of([&] { serialize_model(model); }), {"cannot save model: the head kind \"\" is empty"});
  }
  SUBCASE("a kind longer than the header's field") {
    model.head->kind = std::string(25, 'k');
    check_message(error_of([&] { serialize_model(model); }), {"has 25 bytes, more than 24"});
  }
  SUBCASE("a kind with a space") {
    model.head->kind = "soft max";
    check_message(error_of([&] { serialize_model(model); }),
                  {"the head kind \"soft max\" has byte 20 at position 4, expected visible ASCII (21 to 7e)"});
  }
  SUBCASE("a kind with a control byte stays on one line") {
    model.head->kind = "ns\n";
    check_message(error_of([&] { serialize_model(model); }), {"\"ns\\x0a\"", "byte 0a at position 2"});
  }
  ScratchFolder folder;
  check_message(error_of([&] { save_model(model, folder.file("m.emb")); }), {"cannot save"});
  CHECK(folder.names().empty());
}
