#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/mapped_model.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

void write_bytes(const std::string& path, const std::vector<std::byte>& bytes) {
  write_text_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

// A model of `words` words, more than 8 MiB with 1200 dims from about 1800 words: large enough
// that opening it maps it without verifying every checksum.
EmbeddingModel numbered_model(int words, Eigen::Index dims) {
  EmbeddingModel model;
  for (int i = 0; i < words; ++i) {
    std::string word = "w";  // not "w" + ...: GCC 12 warns falsely (-Wrestrict) about that
    word += std::to_string(i);
    model.vocabulary.add(word, 1);
  }
  model.vectors = Matrix::Random(words + 2, dims);
  return model;
}

}  // namespace

TEST_CASE("a mapped model gives the same words and rows as a full load") {
  ScratchFolder folder;
  EmbeddingModel model = sample_model();
  model.vectors(1, 2) = -65504.0f;  // in the float16 range, as every other value
  for (Dtype dtype : {Dtype::float32, Dtype::float16}) {
    CAPTURE(dtype_name(dtype));
    save_model(model, folder.file("m.emb"), {dtype});
    const EmbeddingModel loaded = load_model(folder.file("m.emb"));
    const MappedModel mapped(folder.file("m.emb"));
    CHECK(mapped.rows() == 6);
    CHECK(mapped.dims() == 3);
    CHECK(mapped.dtype() == dtype);
    CHECK(mapped.format_version() == 5);
    CHECK(mapped.has_hash_index());
    CHECK(mapped.metadata() == model.metadata);
    for (WordId id = 0; id < 6; ++id) {
      CHECK(mapped.word(id) == loaded.vocabulary.word(id));
      CHECK(mapped.count(id) == loaded.vocabulary.count(id));
      CHECK(same_bits(Matrix(mapped.row(id)), Matrix(loaded.vectors.row(id))));
      if (id >= kFirstWordId) CHECK(mapped.id_of(loaded.vocabulary.word(id)) == id);
    }
    CHECK_FALSE(mapped.id_of("<pad>"));  // reserved tokens are no words
    CHECK_FALSE(mapped.id_of("<unk>"));
    CHECK_FALSE(mapped.id_of("missing"));
    CHECK_FALSE(mapped.id_of(""));
    check_message(error_of([&] { mapped.row(6); }), {"row 6 is out of range", "0 to 5"});
    check_message(error_of([&] { mapped.word(-1); }), {"row -1 is out of range"});
  }
}

TEST_CASE("a version 1 file (no hash index) is read by scanning its vocabulary") {
  HandBuiltEmb hand;
  hand.version = 1;
  hand.hash_index = false;
  ScratchFolder folder;
  write_bytes(folder.file("v1.emb"), hand.build());
  const MappedModel mapped(folder.file("v1.emb"));
  CHECK(mapped.format_version() == 1);
  CHECK_FALSE(mapped.has_hash_index());
  CHECK(mapped.id_of("été") == 3);
  CHECK(mapped.id_of("東京") == 4);
  CHECK_FALSE(mapped.id_of("l"));
  CHECK(mapped.row(3)[1] == hand.value(3, 1));
  CHECK(load_model(folder.file("v1.emb")).vocabulary.id_of("le") == 2);
}

TEST_CASE("limit_words hides the rows after the first N words") {
  ScratchFolder folder;
  save_model(sample_model(), folder.file("m.emb"));
  MappedModel mapped(folder.file("m.emb"));
  mapped.limit_words(2);
  CHECK(mapped.rows() == 4);
  CHECK(mapped.id_of("café") == 3);
  CHECK_FALSE(mapped.id_of("日本語"));  // word 3: past the limit
  CHECK_THROWS_AS(mapped.row(4), Error);
  const EmbeddingModel first = mapped.load();
  CHECK(first.vocabulary.input_dim() == 4);
  CHECK(first.vectors.rows() == 4);
  CHECK(same_bits(first.vectors, sample_model().vectors.topRows(4)));
  mapped.limit_words(1000);
  CHECK(mapped.rows() == 6);
}

TEST_CASE("a small file's checksums are all verified when it is opened") {
  ScratchFolder folder;
  auto bytes = serialize_model(sample_model());
  // In the matrix (which the row norms follow), whose checksum covers it.
  bytes[get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize) - 2] ^= std::byte{0x01};
  write_bytes(folder.file("flipped.emb"), bytes);
  check_message(error_of([&] { MappedModel mapped(folder.file("flipped.emb")); }),
                {"flipped.emb has a corrupt matrix section"});
}

TEST_CASE("a large file is opened without reading its matrix; verify finds the damage") {
  ScratchFolder folder;
  const EmbeddingModel model = numbered_model(1800, 1200);
  auto bytes = serialize_model(model);
  REQUIRE(bytes.size() > (std::size_t{8} << 20));
  // The last row's last value, before the row norms.
  bytes[get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize) - 2] ^= std::byte{0x01};
  write_bytes(folder.file("big.emb"), bytes);

  const MappedModel mapped(folder.file("big.emb"));
  CHECK(mapped.id_of("w17") == 19);
  CHECK(same_bits(Matrix(mapped.row(19)), Matrix(model.vectors.row(19))));
  check_message(error_of([&] { load_model(folder.file("big.emb")); }), {"corrupt matrix section"});
}

TEST_CASE("damage met by a mapped lookup is an error, never a read outside the file") {
  ScratchFolder folder;
  const EmbeddingModel model = numbered_model(1800, 1200);
  const auto whole = serialize_model(model);
  const std::uint64_t index_at = get_u64(whole, field::kHashIndexOffset);
  const std::uint64_t slots = get_u64(whole, field::kHashIndexSize) / 8;
  const std::uint64_t vocabulary_at = get_u64(whole, field::kVocabularyOffset);
  const std::uint64_t rows = get_u64(whole, field::kRows);

  SUBCASE("a slot naming a row past the end") {
    auto bytes = whole;
    for (std::uint64_t slot = 0; slot < slots; ++slot) {
      if (get_u64(bytes, index_at + 8 * slot) != 0) put_u64(bytes, index_at + 8 * slot, rows + 5);
    }
    write_bytes(folder.file("bad.emb"), bytes);
    const MappedModel mapped(folder.file("bad.emb"));
    check_message(error_of([&] { mapped.id_of("w3"); }), {"damaged hash index", "names row 1807"});
  }
  SUBCASE("a full table without an empty slot") {
    auto bytes = whole;
    for (std::uint64_t slot = 0; slot < slots; ++slot) {
      if (get_u64(bytes, index_at + 8 * slot) == 0) put_u64(bytes, index_at + 8 * slot, 2);
    }
    write_bytes(folder.file("bad.emb"), bytes);
    const MappedModel mapped(folder.file("bad.emb"));
    check_message(error_of([&] { mapped.id_of("not a word"); }), {"no empty slot"});
  }
  SUBCASE("word offsets outside the blob") {
    auto bytes = whole;
    put_u64(bytes, vocabulary_at + 8 * 20, ~std::uint64_t{0});  // row 19's end, row 20's start
    write_bytes(folder.file("bad.emb"), bytes);
    const MappedModel mapped(folder.file("bad.emb"));
    check_message(error_of([&] { mapped.word(19); }), {"damaged vocabulary section: row 19"});
    check_message(error_of([&] { mapped.word(20); }), {"damaged vocabulary section: row 20"});
    CHECK(mapped.word(21) == "w19");
  }
}

TEST_CASE("a mapped model gives the head's kind and shape from the header; only a full load reads it") {
  ScratchFolder folder;
  EmbeddingModel model = sample_model();
  model.head = HeadWeights{"hs", Matrix::Constant(3, 3, 0.75f)};
  save_model(model, folder.file("head.emb"));
  MappedModel mapped(folder.file("head.emb"));
  REQUIRE(mapped.has_head());
  CHECK(mapped.head().kind == "hs");
  CHECK(mapped.head().rows == 3);
  CHECK(mapped.head().dims == 3);
  CHECK(mapped.id_of("café") == 3);  // lookups are as without a head
  const EmbeddingModel whole = mapped.load();
  REQUIRE(whole.head.has_value());
  CHECK(same_bits(whole.head->weights, model.head->weights));
  mapped.limit_words(2);  // the head's rows may belong to the hidden words
  CHECK_FALSE(mapped.load().head.has_value());

  save_model(sample_model(), folder.file("plain.emb"));
  const MappedModel plain(folder.file("plain.emb"));
  CHECK_FALSE(plain.has_head());
  CHECK(plain.head().kind.empty());
  CHECK(plain.head().rows == 0);
}
