#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_verify.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

TEST_CASE("a sound file has no problems") {
  CHECK(find_emb_problems(serialize_model(sample_model()), "m.emb").empty());
  EmbeddingModel half = sample_model();
  half.vectors(1, 2) = 1.0f;  // lowest() is beyond the float16 range
  CHECK(find_emb_problems(serialize_model(half, {Dtype::float16}), "m.emb").empty());
  HandBuiltEmb version1;
  version1.version = 1;
  version1.hash_index = false;
  CHECK(find_emb_problems(version1.build(), "v1.emb").empty());
}

TEST_CASE("every damaged section is reported, each on its own line") {
  auto bytes = HandBuiltEmb{}.build();
  auto flip_in = [&](std::size_t offset_field, std::size_t size_field) {
    bytes[get_u64(bytes, offset_field) + get_u64(bytes, size_field) / 2] ^= std::byte{0x04};
  };
  flip_in(field::kVocabularyOffset, field::kVocabularySize);
  flip_in(field::kMatrixOffset, field::kMatrixSize);
  flip_in(field::kHashIndexOffset, field::kHashIndexSize);
  const auto problems = find_emb_problems(bytes, "m.emb");
  REQUIRE(problems.size() == 3);
  check_message(problems[0], {"m.emb has a corrupt vocabulary section"});
  check_message(problems[1], {"m.emb has a corrupt hash index section"});
  check_message(problems[2], {"m.emb has a corrupt matrix section"});
}

TEST_CASE("a bad header is the only problem: nothing else can be located") {
  auto bytes = HandBuiltEmb{}.build();
  bytes[20] ^= std::byte{0x01};
  const auto problems = find_emb_problems(bytes, "m.emb");
  REQUIRE(problems.size() == 1);
  check_message(problems[0], {"corrupt header"});
  CHECK(find_emb_problems({}, "empty.emb") == std::vector<std::string>{"empty.emb is not an embedtool model (the file is empty)"});
}

TEST_CASE("a hash index that checksums right but leads astray") {
  HandBuiltEmb hand;
  auto bytes = hand.build();
  const std::uint64_t index_at = get_u64(bytes, field::kHashIndexOffset);
  const std::uint64_t slots = get_u64(bytes, field::kHashIndexSize) / 8;
  auto rewrite = [&](auto edit) {
    auto copy = bytes;
    std::vector<std::uint64_t> table(slots);
    for (std::uint64_t i = 0; i < slots; ++i) table[i] = get_u64(copy, index_at + 8 * i);
    edit(table);
    for (std::uint64_t i = 0; i < slots; ++i) put_u64(copy, index_at + 8 * i, table[i]);
    reseal_all(copy);
    return copy;
  };
  SUBCASE("two slots swapped: words are not where their hash leads") {
    auto broken = rewrite([](std::vector<std::uint64_t>& table) {
      std::rotate(table.begin(), table.begin() + 1, table.end());
    });
    check_parse_rejects(broken, {"the hash index does not lead to row"});
  }
  SUBCASE("a row named twice") {
    auto broken = rewrite([](std::vector<std::uint64_t>& table) {
      for (auto& slot : table) {
        if (slot == 3) slot = 2;
      }
    });
    check_parse_rejects(broken, {"names row 2, which an earlier slot names too"});
  }
  SUBCASE("a word missing") {
    auto broken = rewrite([](std::vector<std::uint64_t>& table) {
      for (auto& slot : table) {
        if (slot == 4) slot = 0;
      }
    });
    check_parse_rejects(broken, {"the hash index names 2 rows, expected all 3 words"});
  }
  SUBCASE("a reserved row in a slot") {
    auto broken = rewrite([](std::vector<std::uint64_t>& table) {
      for (auto& slot : table) {
        if (slot == 4) slot = 1;
      }
    });
    check_parse_rejects(broken, {"names row 1, expected 0 (empty) or a word row, 2 to 4"});
  }
  SUBCASE("a slot count that is not a power of two") {
    put_u64(bytes, field::kHashIndexSize, 24);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"the hash index section has 24 bytes", "power of two"});
  }
  SUBCASE("an index of size 0 with an offset left over") {
    put_u64(bytes, field::kHashIndexSize, 0);
    put_u32(bytes, field::kHashIndexCrc, 0);
    reseal_header(bytes);
    check_parse_rejects(bytes, {"hash index section has size 0", "expected both 0"});
  }
}
