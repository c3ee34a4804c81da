// Hand-built version 5 files whose row norms section or its header fields are broken: each must
// be refused with one line naming the file, what was expected and what was found, before the
// norms are used; and files without norms (version 5 without the section, or older versions)
// still read.
#include <doctest/doctest.h>

#include <cstring>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_verify.h"
#include "embedtool/storage/mapped_model.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

// A valid version 5 file with a head, so that the norms follow another rows section.
HandBuiltEmb norms_test_model() {
  HandBuiltEmb hand;
  hand.version = 5;
  hand.head_kind = "softmax";
  return hand;
}

std::vector<std::byte> norms_with_u64(std::size_t at, std::uint64_t value) {
  auto bytes = norms_test_model().build();
  put_u64(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

void write_norms_test_file(const std::string& path, const std::vector<std::byte>& bytes) {
  write_text_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

float stored_norm_at(const std::vector<std::byte>& bytes, std::uint64_t row) {
  const std::uint32_t bits = get_u32(bytes, get_u64(bytes, field::kNormsOffset) + 4 * row);
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

}  // namespace

TEST_CASE("the hand-built version 5 file is valid and its norms are the rows' lengths") {
  const HandBuiltEmb hand = norms_test_model();
  const auto bytes = hand.build();
  CHECK(parse_model(bytes, "model.emb").head->kind == "softmax");
  CHECK(find_emb_problems(bytes, "model.emb").empty());
  CHECK(get_u64(bytes, field::kNormsOffset) % 64 == 0);
  CHECK(get_u64(bytes, field::kNormsOffset) + 4 * hand.rows() == bytes.size());
  CHECK(get_u64(bytes, field::kNormsRows) == hand.rows());
  // Row 3 is (3, 3.125).
  CHECK(stored_norm_at(bytes, 3) == static_cast<float>(std::sqrt(9.0 + 3.125 * 3.125)));
  ScratchFolder folder;
  write_norms_test_file(folder.file("m.emb"), bytes);
  const MappedModel mapped(folder.file("m.emb"));
  REQUIRE(mapped.stored_rows().norms != nullptr);
  CHECK(mapped.stored_rows().norms[3] == stored_norm_at(bytes, 3));
}

TEST_CASE("a version 5 header is 320 bytes, all covered by its checksum") {
  const auto whole = norms_test_model().build();
  for (std::size_t length : {std::size_t{288}, std::size_t{300}, std::size_t{319}}) {
    CAPTURE(length);
    check_parse_rejects(std::span(whole).first(length),
                        {"model.emb is truncated: the header needs 320 bytes, file has " + std::to_string(length)});
  }
  for (std::size_t at = field::kHeaderSizeV4; at < field::kHeaderSizeV5; ++at) {
    CAPTURE(at);
    auto bytes = whole;
    bytes[at] ^= std::byte{0x08};
    check_parse_rejects(bytes, {"model.emb has a corrupt header (checksum mismatch"});
  }
  check_parse_rejects(norms_with_u64(field::kMetadataOffset, 288),
                      {"metadata section starts at byte 288, before the end of the header at byte 320"});
  auto reserved = norms_test_model().build();
  put_u32(reserved, field::kNormsReserved, 0x0100);
  reseal_header(reserved);
  check_parse_rejects(reserved, {"reserved header byte 293 is 01, expected 00 in format version 5"});
}

TEST_CASE("a flipped bit in the norms is damage, found by parse, verify and a search") {
  auto bytes = norms_test_model().build();
  bytes[get_u64(bytes, field::kNormsOffset) + 9] ^= std::byte{0x20};
  check_parse_rejects(bytes, {"model.emb has a corrupt norms section (checksum mismatch"});
  const auto problems = find_emb_problems(bytes, "model.emb");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("corrupt norms section") != std::string::npos);
  // A mapped model opens (small files check every checksum on open: so does this one).
  ScratchFolder folder;
  write_norms_test_file(folder.file("m.emb"), bytes);
  check_message(error_of([&] { MappedModel model(folder.file("m.emb")); }), {"corrupt norms section"});
}

TEST_CASE("norms whose checksum is sound but whose lengths are wrong: verify compares") {
  auto bytes = norms_test_model().build();
  put_u32(bytes, get_u64(bytes, field::kNormsOffset) + 4 * 3, std::bit_cast<std::uint32_t>(1.5f));
  reseal_all(bytes);
  CHECK_NOTHROW(parse_model(bytes, "model.emb"));  // a load reads the rows, not the norms
  const auto problems = find_emb_problems(bytes, "model.emb");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("the norms section says row 3 has length 1.5") != std::string::npos);
}

TEST_CASE("norms fields that do not fit the file") {
  const auto whole = norms_test_model().build();
  const std::uint64_t norms_offset = get_u64(whole, field::kNormsOffset);
  const std::uint64_t rows = norms_test_model().rows();
  SUBCASE("cut inside the norms") {
    check_parse_rejects(std::span(whole).first(whole.size() - 3),
                        {"model.emb is truncated: header says " + std::to_string(whole.size())});
    auto bytes = whole;
    bytes.resize(bytes.size() - 4);
    put_u64(bytes, field::kFileSize, bytes.size());
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the norms section (offset " + std::to_string(norms_offset), "runs past the end of the file"});
  }
  SUBCASE("a row count other than the matrix's") {
    check_parse_rejects(norms_with_u64(field::kNormsRows, rows - 1),
                        {"model.emb: the norms section has " + std::to_string(rows - 1) +
                         " rows, expected the matrix's " + std::to_string(rows)});
  }
  SUBCASE("a size other than 4 bytes a row") {
    auto bytes = whole;
    bytes.resize(bytes.size() + 4);
    put_u64(bytes, field::kFileSize, bytes.size());
    put_u64(bytes, field::kNormsSize, 4 * rows + 4);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"the norms section has " + std::to_string(4 * rows + 4) + " bytes, expected"});
  }
  SUBCASE("sizes that overflow") {
    check_parse_rejects(norms_with_u64(field::kNormsSize, kMaxU64), {"the norms section", "runs past the end of the file"});
    check_parse_rejects(norms_with_u64(field::kNormsRows, kMaxU64), {"the norms section has 18446744073709551615 rows"});
  }
  SUBCASE("overlapping the head, or misaligned") {
    const std::uint64_t head_offset = get_u64(whole, field::kHeadOffset);
    check_parse_rejects(norms_with_u64(field::kNormsOffset, head_offset),
                        {"the norms section starts at byte " + std::to_string(head_offset),
                         "before the end of the head section"});
    auto bytes = whole;
    bytes.insert(bytes.end() - static_cast<std::ptrdiff_t>(4 * rows), 8, std::byte{0});
    put_u64(bytes, field::kNormsOffset, norms_offset + 8);
    put_u64(bytes, field::kFileSize, bytes.size());
    reseal_all(bytes);
    check_parse_rejects(bytes, {"the norms section starts at byte " + std::to_string(norms_offset + 8),
                                "expected a multiple of 64"});
  }
  SUBCASE("no norms, but norms fields left over") {
    auto bytes = norms_with_u64(field::kNormsRows, 0);
    check_parse_rejects(bytes, {"the norms row count is 0 (no row norms) but the norms section has offset " +
                                std::to_string(norms_offset)});
  }
}

TEST_CASE("files without norms still read; a search then computes the lengths itself") {
  ScratchFolder folder;
  for (const std::uint32_t version : {5u, 4u, 2u}) {
    CAPTURE(version);
    HandBuiltEmb hand;
    hand.version = version;
    hand.norms = false;
    const auto bytes = hand.build();
    CHECK(get_u64(bytes, field::kMatrixOffset) + get_u64(bytes, field::kMatrixSize) == bytes.size());
    CHECK(find_emb_problems(bytes, "model.emb").empty());
    const EmbeddingModel model = parse_model(bytes, "model.emb");
    // Written again, the model gets them.
    const auto rewritten = serialize_model(model);
    CHECK(get_u32(rewritten, field::kVersion) == 5);
    CHECK(get_u64(rewritten, field::kNormsRows) == hand.rows());
    write_norms_test_file(folder.file("m.emb"), bytes);
    const MappedModel mapped(folder.file("m.emb"));
    CHECK_FALSE(mapped.has_norms());
    CHECK(mapped.stored_rows().norms == nullptr);
  }
}
