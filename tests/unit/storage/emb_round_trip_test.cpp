#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

TEST_CASE("a model survives serialize and parse bit for bit") {
  const EmbeddingModel model = sample_model();
  const EmbeddingModel back = parse_model(serialize_model(model), "model.emb");
  check_same_vocabulary(model.vocabulary, back.vocabulary);
  CHECK(back.vocabulary.id_of("日本語") == model.vocabulary.id_of("日本語"));
  CHECK(back.vocabulary.total_count() == model.vocabulary.total_count());
  CHECK(same_bits(model.vectors, back.vectors));
  CHECK(back.metadata == model.metadata);
}

TEST_CASE("serialization is deterministic") {
  const EmbeddingModel model = sample_model();
  const auto bytes = serialize_model(model);
  CHECK(serialize_model(model) == bytes);
  SUBCASE("serialize, parse, serialize gives the same bytes") {
    CHECK(serialize_model(parse_model(bytes, "model.emb")) == bytes);
  }
  SUBCASE("the order in which metadata keys were set does not matter") {
    EmbeddingModel reordered = sample_model();
    reordered.metadata = nlohmann::json::object();
    for (const auto& key : {"window", "tool", "learning_rate", "epochs", "corpus"}) {
      reordered.metadata[key] = model.metadata[key];
    }
    CHECK(serialize_model(reordered) == bytes);
  }
}

TEST_CASE("the writer produces exactly the layout of docs/FORMAT.md") {
  // The hand-built file follows the document; the library must read it and write it back
  // byte for byte. (emb_head_round_trip_test.cpp and emb_classifier_round_trip_test.cpp do the same with
  // heads, labels and bucket rows.)
  HandBuiltEmb hand;
  hand.version = 5;  // what the writer writes
  const auto bytes = hand.build();
  const EmbeddingModel model = parse_model(bytes, "hand.emb");
  REQUIRE(model.vocabulary.input_dim() == hand.rows());
  for (std::uint64_t row = 0; row < hand.rows(); ++row) {
    CHECK(model.vocabulary.word(static_cast<WordId>(row)) == hand.words[row]);
    CHECK(model.vocabulary.count(static_cast<WordId>(row)) == hand.counts[row]);
    for (std::uint64_t col = 0; col < hand.dims; ++col) {
      CHECK(model.vectors(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(col)) ==
            hand.value(row, col));
    }
  }
  CHECK(model.metadata == nlohmann::json::parse(hand.metadata));
  CHECK(serialize_model(model) == bytes);
}

TEST_CASE("header fields describe the written file") {
  const EmbeddingModel model = sample_model();
  const auto bytes = serialize_model(model);
  CHECK(bytes[0] == std::byte{0x89});
  CHECK(bytes[1] == std::byte{'E'});
  CHECK(get_u64(bytes, field::kRows) == model.vocabulary.input_dim());
  CHECK(get_u64(bytes, field::kDims) == 3);
  CHECK(get_u64(bytes, field::kFileSize) == bytes.size());
  CHECK(get_u64(bytes, field::kNormsOffset) + 4 * get_u64(bytes, field::kRows) == bytes.size());  // norms last
  CHECK(get_u32(bytes, field::kVersion) == 5);
  CHECK(get_u64(bytes, field::kMetadataOffset) == field::kHeaderSizeV5);
  CHECK(get_u64(bytes, field::kVocabularyOffset) % 8 == 0);
  CHECK(get_u64(bytes, field::kMatrixOffset) % 64 == 0);
  CHECK((get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize) + 63) / 64 * 64 == get_u64(bytes, field::kNormsOffset));  // the row norms follow
}

TEST_CASE("edge shapes round trip") {
  SUBCASE("only the reserved rows") {
    EmbeddingModel model;
    model.vectors = Matrix::Constant(2, 4, 0.5f);
    const auto bytes = serialize_model(model);
    const EmbeddingModel back = parse_model(bytes, "model.emb");
    CHECK(back.vocabulary.word_count() == 0);
    CHECK(same_bits(back.vectors, model.vectors));
    CHECK(back.metadata == nlohmann::json::object());
  }
  SUBCASE("zero dims") {
    EmbeddingModel model;
    model.vocabulary.add("word", 1);
    model.vectors = Matrix(3, 0);
    const EmbeddingModel back = parse_model(serialize_model(model), "model.emb");
    CHECK(back.vectors.rows() == 3);
    CHECK(back.vectors.cols() == 0);
  }
  SUBCASE("a matrix larger than one encoding chunk") {
    EmbeddingModel model;
    for (int i = 0; i < 1200; ++i) model.vocabulary.add(std::to_string(i) + "th", 1200 - i);
    model.vectors = Matrix::Random(1202, 300);
    const auto bytes = serialize_model(model);
    const EmbeddingModel back = parse_model(bytes, "model.emb");
    CHECK(same_bits(back.vectors, model.vectors));
    CHECK(serialize_model(back) == bytes);
  }
}

TEST_CASE("models that cannot be written are refused") {
  EmbeddingModel model = sample_model();
  SUBCASE("matrix rows differ from the vocabulary") {
    model.vectors = Matrix::Zero(3, 3);
    check_message(error_of([&] { serialize_model(model); }),
                  {"cannot save model", "vocabulary names 6 rows", "matrix has 3"});
  }
  SUBCASE("metadata that is not an object") {
    model.metadata = nlohmann::json::array({1, 2});
    check_message(error_of([&] { serialize_model(model); }), {"metadata is a JSON array", "object"});
  }
  SUBCASE("metadata with invalid UTF-8") {
    model.metadata["bad"] = std::string("\xff\xfe");
    check_message(error_of([&] { serialize_model(model); }), {"cannot save model", "metadata"});
  }
}
