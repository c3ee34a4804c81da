// Hand-built version 3 files whose head section or head header fields are broken: each must be
// refused with one line naming the file, what was expected and what was found, before the head's
// bytes are read.
#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "embedtool/storage/emb_verify.h"
#include "embedtool/storage/mapped_model.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

// A valid version 3 file with a 4 x 2 "softmax" head (32 bytes at the end of the file).
HandBuiltEmb with_head() {
  HandBuiltEmb hand;
  hand.version = 3;
  hand.head_kind = "softmax";
  return hand;
}

// The file with one header field changed and the header checksum made to match again.
std::vector<std::byte> head_file_with_u64(std::size_t at, std::uint64_t value) {
  auto bytes = with_head().build();
  put_u64(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

std::vector<std::byte> head_file_with_u32(std::size_t at, std::uint32_t value) {
  auto bytes = with_head().build();
  put_u32(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

}  // namespace

TEST_CASE("the hand-built version 3 file is valid, so each change below is what breaks it") {
  const auto bytes = with_head().build();
  CHECK(parse_model(bytes, "model.emb").head->kind == "softmax");
  CHECK(get_u64(bytes, field::kHeadOffset) + 32 == bytes.size());
}

TEST_CASE("a version 3 header is 192 bytes, all covered by its checksum") {
  const auto whole = with_head().build();
  for (std::size_t length : {std::size_t{128}, std::size_t{150}, std::size_t{191}}) {
    CAPTURE(length);
    check_parse_rejects(std::span(whole).first(length),
                        {"model.emb is truncated: the header needs 192 bytes, file has " +
                         std::to_string(length)});
  }
  for (std::size_t at = field::kHeaderSize; at < field::kHeaderSizeV3; ++at) {
    CAPTURE(at);
    auto bytes = whole;
    bytes[at] ^= std::byte{0x10};
    check_parse_rejects(bytes, {"model.emb has a corrupt header (checksum mismatch"});
  }
  check_parse_rejects(head_file_with_u64(field::kMetadataOffset, 128),
                      {"metadata section starts at byte 128, before the end of the header at byte 192"});
}

TEST_CASE("a head section out of bounds") {
  const auto whole = with_head().build();
  check_parse_rejects(head_file_with_u64(field::kHeadOffset, whole.size() + 64),
                      {"the head section (offset " + std::to_string(whole.size() + 64) + ", size 32)",
                       "runs past the end of the file (" + std::to_string(whole.size()) + " bytes)"});
  const std::uint64_t offset = get_u64(whole, field::kHeadOffset);
  check_parse_rejects(head_file_with_u64(field::kHeadSize, kMaxU64 - offset + 2),
                      {"the head section (offset " + std::to_string(offset), "runs past the end of the file"});
  SUBCASE("the file cut inside the head") {
    auto bytes = whole;
    bytes.resize(bytes.size() - 4);
    put_u64(bytes, field::kFileSize, bytes.size());
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the head section", "size 32) runs past the end of the file"});
  }
}

TEST_CASE("a head section overlapping the matrix") {
  const auto whole = with_head().build();
  const std::uint64_t matrix_offset = get_u64(whole, field::kMatrixOffset);
  const std::uint64_t matrix_end = matrix_offset + get_u64(whole, field::kMatrixSize);
  check_parse_rejects(head_file_with_u64(field::kHeadOffset, matrix_offset),
                      {"the head section starts at byte " + std::to_string(matrix_offset),
                       "before the end of the matrix section at byte " + std::to_string(matrix_end)});
}

TEST_CASE("a misaligned head section") {
  auto bytes = with_head().build();
  const std::uint64_t offset = get_u64(bytes, field::kHeadOffset);
  // Still inside the file and after the matrix: only the alignment is wrong.
  put_u64(bytes, field::kHeadOffset, offset + 8);
  put_u64(bytes, field::kHeadSize, 24);
  reseal_header(bytes);
  check_parse_rejects(bytes, {"the head section starts at byte " + std::to_string(offset + 8),
                              "expected a multiple of 64"});
}

TEST_CASE("a head whose shape does not match") {
  check_parse_rejects(head_file_with_u64(field::kHeadDims, 3),
                      {"the softmax head has 3 dims, expected the matrix's 2 (output_dim)"});
  check_parse_rejects(head_file_with_u64(field::kHeadRows, 3),
                      {"the head section has 32 bytes, expected rows x dims x 4 = 3 x 2 x 4 = 24"});
  check_parse_rejects(head_file_with_u64(field::kHeadRows, std::uint64_t{1} << 62),
                      {"the head has 4611686018427387904 rows x 2 dims", "overflows 64 bits"});
  SUBCASE("a float16 matrix does not make the head float16") {
    HandBuiltEmb hand = with_head();
    hand.dtype = 1;
    auto bytes = hand.build();
    put_u64(bytes, field::kHeadSize, 16);  // what 4 x 2 f16 values would take
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the head section has 16 bytes, expected rows x dims x 4 = 4 x 2 x 4 = 32"});
  }
}

TEST_CASE("a flipped bit in the head") {
  auto bytes = with_head().build();
  bytes[get_u64(bytes, field::kHeadOffset) + 13] ^= std::byte{0x01};
  check_parse_rejects(bytes, {"model.emb has a corrupt head section (checksum mismatch: header says 0x"});
  const auto problems = find_emb_problems(bytes, "m.emb");
  REQUIRE(problems.size() == 1);
  check_message(problems[0], {"m.emb has a corrupt head section"});

  SUBCASE("a small mapped file checks the head on opening") {
    ScratchFolder folder;
    const std::string path = folder.file("m.emb");
    write_text_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    check_message(error_of([&] { MappedModel mapped(path); }), {"m.emb has a corrupt head section"});
  }
}

TEST_CASE("damage to the matrix and the head is reported on two lines") {
  auto bytes = with_head().build();
  bytes[get_u64(bytes, field::kMatrixOffset) + 3] ^= std::byte{0x01};
  bytes[get_u64(bytes, field::kHeadOffset) + 3] ^= std::byte{0x01};
  const auto problems = find_emb_problems(bytes, "m.emb");
  REQUIRE(problems.size() == 2);
  check_message(problems[0], {"m.emb has a corrupt matrix section"});
  check_message(problems[1], {"m.emb has a corrupt head section"});
}

TEST_CASE("bad head kinds") {
  auto kind_bytes = [](std::string_view kind) {
    auto bytes = with_head().build();
    put_u32(bytes, field::kHeadKindSize, static_cast<std::uint32_t>(kind.size()));
    for (std::size_t i = 0; i < 24; ++i) {
      bytes[field::kHeadKind + i] = i < kind.size() ? std::byte(static_cast<unsigned char>(kind[i])) : std::byte{0};
    }
    reseal_header(bytes);
    return bytes;
  };
  check_parse_rejects(kind_bytes("soft max"),
                      {"model.emb: the head kind \"soft max\" has byte 20 at position 4, expected visible "
                       "ASCII (21 to 7e)"});
  check_parse_rejects(kind_bytes("ns\x01"), {"the head kind \"ns\\x01\" has byte 01 at position 2"});
  check_parse_rejects(kind_bytes("caf\xc3\xa9"), {"has byte c3 at position 3"});
  check_parse_rejects(head_file_with_u32(field::kHeadKindSize, 25), {"the head kind has 25 bytes, expected at most 24"});
  check_parse_rejects(head_file_with_u32(field::kHeadKindSize, 0xffffffff),
                      {"the head kind has 4294967295 bytes, expected at most 24"});
  SUBCASE("bytes after the kind are not zero") {
    auto bytes = with_head().build();
    bytes[field::kHeadKind + 7] = std::byte{0x2a};
    reseal_header(bytes);
    check_parse_rejects(bytes, {"header byte 175, after the 7-byte head kind, is 2a, expected 00"});
  }
  SUBCASE("a shorter kind size leaves the rest of the kind as non-zero padding") {
    check_parse_rejects(head_file_with_u32(field::kHeadKindSize, 4), {"header byte 172, after the 4-byte head kind, is 6d"});
  }
  SUBCASE("no kind, but head fields left over") {
    auto bytes = kind_bytes("");
    check_parse_rejects(bytes, {"the head kind is empty (no head) but the head section has offset",
                                "size 32, rows 4, dims 2 and checksum 0x", "expected all 0"});
  }
}
