#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/float16.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

TEST_CASE("float16 conversions match IEEE binary16") {
  CHECK(float16_bits_of(1.0f) == 0x3c00);
  CHECK(float16_bits_of(-2.0f) == 0xc000);
  CHECK(float16_bits_of(65504.0f) == 0x7bff);  // the largest finite value
  CHECK(float16_bits_of(0.0f) == 0x0000);
  CHECK(float16_bits_of(-0.0f) == 0x8000);
  CHECK(float16_bits_of(std::numeric_limits<float>::infinity()) == 0x7c00);
  CHECK(float_of_float16_bits(0x0001) == std::ldexp(1.0f, -24));  // the smallest denormal
  CHECK(std::isnan(float_of_float16_bits(float16_bits_of(std::nanf("")))));
  SUBCASE("rounding to nearest, ties to even") {
    // Between 1 and the next float16 (1 + 2^-10), the midpoint goes to the even one, 1.
    CHECK(float_of_float16_bits(float16_bits_of(1.0f + std::ldexp(1.0f, -11))) == 1.0f);
    CHECK(float_of_float16_bits(float16_bits_of(1.0f + 3 * std::ldexp(1.0f, -11))) ==
          1.0f + std::ldexp(1.0f, -9));
  }
  SUBCASE("every float16 widens and narrows back to itself") {
    for (std::uint32_t bits = 0; bits <= 0xffff; ++bits) {
      const float wide = float_of_float16_bits(static_cast<std::uint16_t>(bits));
      if (std::isnan(wide)) continue;  // NaN payloads need not survive
      REQUIRE(float16_bits_of(wide) == bits);
    }
  }
  CHECK(fits_float16(65504.0f));
  CHECK(fits_float16(65519.0f));  // rounds down to 65504
  CHECK_FALSE(fits_float16(65520.0f));  // rounds to infinity
  CHECK(fits_float16(std::numeric_limits<float>::infinity()));  // stays what it was
}

TEST_CASE("a float16 model: half the matrix, values rounded once") {
  EmbeddingModel model = sample_model();
  model.vectors.row(0).setConstant(0.1f);
  model.vectors.row(1).setConstant(-3.0f);
  const auto f32 = serialize_model(model);
  const auto f16 = serialize_model(model, {Dtype::float16});
  const auto matrix_bytes = [](const std::vector<std::byte>& bytes) { return get_u64(bytes, field::kMatrixSize); };
  CHECK(matrix_bytes(f16) * 2 == matrix_bytes(f32));
  CHECK(std::to_integer<int>(f16[field::kDtype]) == 1);

  const EmbeddingModel back = parse_model(f16, "half.emb");
  check_same_vocabulary(model.vocabulary, back.vocabulary);
  for (Eigen::Index i = 0; i < model.vectors.size(); ++i) {
    const float original = model.vectors.data()[i];
    const float expected = float_of_float16_bits(float16_bits_of(original));
    if (std::isnan(original)) {
      CHECK(std::isnan(back.vectors.data()[i]));
    } else {
      CHECK(std::bit_cast<std::uint32_t>(back.vectors.data()[i]) == std::bit_cast<std::uint32_t>(expected));
    }
  }
  SUBCASE("a float16 model saved as float16 again is byte for byte the same") {
    CHECK(serialize_model(back, {Dtype::float16}) == f16);
  }
}

TEST_CASE("a hand-built float16 file reads as the document says") {
  HandBuiltEmb hand;
  hand.dtype = 1;
  hand.version = 5;  // what the writer writes
  const auto bytes = hand.build();
  const EmbeddingModel model = parse_model(bytes, "hand16.emb");
  for (std::uint64_t row = 0; row < hand.rows(); ++row) {
    for (std::uint64_t col = 0; col < hand.dims; ++col) {
      CHECK(model.vectors(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(col)) == hand.value(row, col));
    }
  }
  CHECK(serialize_model(model, {Dtype::float16}) == bytes);
}

TEST_CASE("a value beyond the float16 range is refused, naming where it is") {
  EmbeddingModel model = sample_model();
  model.vectors = Matrix::Zero(model.vectors.rows(), model.vectors.cols());
  model.vectors(3, 1) = 70000.0f;
  check_message(error_of([&] { serialize_model(model, {Dtype::float16}); }),
                {"as float16", "row 3, column 1", "65504"});
  ScratchFolder folder;
  check_message(error_of([&] { save_model(model, folder.file("m.emb"), {Dtype::float16}); }),
                {"cannot save " + folder.file("m.emb")});
  CHECK(folder.names().empty());  // refused before a temporary file was made
}
