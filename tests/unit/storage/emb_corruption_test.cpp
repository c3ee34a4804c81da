// Hand-built broken files: each must be refused with one line naming the file, what was expected
// and what was found, before anything the header points to is read.
#include <doctest/doctest.h>

#include "embedtool/storage/emb_format.h"
#include "hand_built_emb.h"
#include "storage_test_support.h"

using namespace embedtool;
using namespace embedtool::storage_test;

namespace {

std::vector<std::byte> text_bytes(std::string_view text) {
  auto bytes = std::as_bytes(std::span(text.data(), text.size()));
  return {bytes.begin(), bytes.end()};
}

// A valid file with one header field changed and the header checksum made to match again.
std::vector<std::byte> with_u64(std::size_t at, std::uint64_t value) {
  auto bytes = HandBuiltEmb{}.build();
  put_u64(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

std::vector<std::byte> with_u32(std::size_t at, std::uint32_t value) {
  auto bytes = HandBuiltEmb{}.build();
  put_u32(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

}  // namespace

TEST_CASE("a file that is not a model") {
  check_parse_rejects(text_bytes("hello world, just some text\n"),
                      {"model.emb is not an embedtool model (bad magic: expected 89 45 4d 42, "
                       "found 68 65 6c 6c)"});
  check_parse_rejects({}, {"not an embedtool model (the file is empty)"});
  check_parse_rejects(text_bytes("hi"), {"not an embedtool model", "2 bytes"});
  check_parse_rejects(text_bytes("EMB1 but not ours, no 0x89 first"), {"bad magic"});
}

TEST_CASE("versions this reader does not know") {
  check_parse_rejects(with_u32(field::kVersion, 7),
                      {"model.emb was written by format version 7; this embedtool reads up to version 5"});
  SUBCASE("a newer version is named even if its header is shorter than ours") {
    auto bytes = HandBuiltEmb{}.build();
    bytes.resize(8);
    put_u32(bytes, field::kVersion, 6);
    check_parse_rejects(bytes, {"format version 6", "up to version 5"});
  }
  check_parse_rejects(with_u32(field::kVersion, 0), {"format version 0", "expected 1 to 5"});
}

TEST_CASE("a version 2 header field used in a version 1 file") {
  // Version 1 had no hash index: its 20 last header bytes are reserved and must be zero.
  HandBuiltEmb hand;
  hand.version = 1;
  check_parse_rejects(hand.build(), {"reserved header byte 108", "expected 00 in format version 1"});
}

TEST_CASE("truncated at every section boundary and inside each section") {
  const auto whole = HandBuiltEmb{}.build();
  const std::size_t metadata_end = get_u64(whole, field::kMetadataOffset) + get_u64(whole, field::kMetadataSize);
  const std::size_t vocabulary_offset = get_u64(whole, field::kVocabularyOffset);
  const std::size_t vocabulary_end = vocabulary_offset + get_u64(whole, field::kVocabularySize);
  const std::size_t matrix_offset = get_u64(whole, field::kMatrixOffset);
  REQUIRE(metadata_end < vocabulary_offset);  // there is padding to cut into as well
  REQUIRE(vocabulary_end < matrix_offset);

  for (std::size_t length : {std::size_t{4}, std::size_t{7}, std::size_t{8}, std::size_t{64},
                             std::size_t{127}}) {
    CAPTURE(length);
    check_parse_rejects(std::span(whole).first(length),
                        {"model.emb is truncated: the header needs 128 bytes, file has " +
                         std::to_string(length)});
  }
  for (std::size_t length :
       {std::size_t{128}, std::size_t{129}, metadata_end, metadata_end + 1, vocabulary_offset,
        vocabulary_offset + 12, vocabulary_end, matrix_offset, matrix_offset + 4,
        matrix_offset + (whole.size() - matrix_offset) / 2, whole.size() - 1}) {
    CAPTURE(length);
    check_parse_rejects(std::span(whole).first(length),
                        {"model.emb is truncated: header says " + std::to_string(whole.size()) +
                         " bytes, file has " + std::to_string(length)});
  }
}

TEST_CASE("bytes after the end the header gives") {
  auto bytes = HandBuiltEmb{}.build();
  const std::size_t size = bytes.size();
  bytes.push_back(std::byte{0});
  check_parse_rejects(bytes, {"trailing data", "header says " + std::to_string(size) + " bytes",
                              "file has " + std::to_string(size + 1)});
}

TEST_CASE("a flipped bit anywhere in the header after the version") {
  const auto whole = HandBuiltEmb{}.build();
  for (std::size_t at = field::kVersion + 4; at < field::kHeaderSize; ++at) {
    CAPTURE(at);
    auto bytes = whole;
    bytes[at] ^= std::byte{0x10};
    check_parse_rejects(bytes, {"model.emb has a corrupt header (checksum mismatch"});
  }
}

TEST_CASE("a flipped bit in a section") {
  const auto whole = HandBuiltEmb{}.build();
  auto flip_in = [&](std::size_t offset_field, std::size_t size_field) {
    auto bytes = whole;
    bytes[get_u64(bytes, offset_field) + get_u64(bytes, size_field) / 2] ^= std::byte{0x01};
    return bytes;
  };
  check_parse_rejects(flip_in(field::kMatrixOffset, field::kMatrixSize),
                      {"model.emb has a corrupt matrix section (checksum mismatch: header says 0x"});
  check_parse_rejects(flip_in(field::kVocabularyOffset, field::kVocabularySize),
                      {"corrupt vocabulary section"});
  check_parse_rejects(flip_in(field::kMetadataOffset, field::kMetadataSize),
                      {"corrupt metadata section"});
}

TEST_CASE("header values that do not fit this reader") {
  // A float32 matrix declared float16 has twice the bytes the header's shape calls for.
  check_parse_rejects(with_u32(field::kDtype, 1), {"matrix section has 40 bytes", "rows x dims x 2"});
  check_parse_rejects(with_u32(field::kDtype, 9), {"unknown dtype code 9", "1 = float16"});
  check_parse_rejects(with_u32(field::kAlignment, 48), {"alignment is 48", "power of two"});
  check_parse_rejects(with_u32(field::kAlignment, 4096),
                      {"matrix section starts at byte", "multiple of the alignment 4096"});
  check_parse_rejects(with_u32(field::kReservedRows, 3), {"reserved-row count is 3, expected 2"});
  check_parse_rejects(with_u64(field::kRows, 1), {"header says 1 rows", "at least 2"});
  HandBuiltEmb version1;
  version1.version = 1;
  version1.hash_index = false;
  auto reserved_byte_set = version1.build();
  reserved_byte_set[field::kVersion1Reserved + 5] = std::byte{0x2a};
  reseal_header(reserved_byte_set);
  check_parse_rejects(reserved_byte_set, {"reserved header byte 113 is 2a, expected 00"});
}

TEST_CASE("sizes that overflow 64 bits") {
  check_parse_rejects(with_u64(field::kRows, std::uint64_t{1} << 62), {"overflows 64 bits"});
  SUBCASE("rows x dims fits, times 4 bytes does not") {
    auto bytes = HandBuiltEmb{}.build();
    put_u64(bytes, field::kRows, std::uint64_t{1} << 31);
    put_u64(bytes, field::kDims, std::uint64_t{1} << 32);
    reseal_header(bytes);
    check_parse_rejects(bytes, {"2147483648 rows x 4294967296 dims", "overflows 64 bits"});
  }
  SUBCASE("huge rows with zero dims: the vocabulary tables cannot hold them") {
    auto bytes = HandBuiltEmb{}.build();
    put_u64(bytes, field::kRows, std::uint64_t{1} << 60);  // 16 x rows wraps to 0
    put_u64(bytes, field::kDims, 0);
    put_u64(bytes, field::kMatrixSize, 0);
    reseal_header(bytes);
    check_parse_rejects(bytes, {"vocabulary section has", "too few for the offsets and counts of 1152921504606846976 rows"});
  }
  SUBCASE("a section size that wraps the offset around") {
    const auto whole = HandBuiltEmb{}.build();
    const std::uint64_t offset = get_u64(whole, field::kMatrixOffset);
    check_parse_rejects(with_u64(field::kMatrixSize, kMaxU64 - offset + 2),
                        {"the matrix section (offset " + std::to_string(offset), "runs past the end of the file"});
    check_parse_rejects(with_u64(field::kMetadataOffset, kMaxU64), {"metadata section", "runs past the end"});
  }
}

TEST_CASE("sections out of place") {
  const auto whole = HandBuiltEmb{}.build();
  check_parse_rejects(with_u64(field::kVocabularyOffset, whole.size() + 8),
                      {"the vocabulary section (offset " + std::to_string(whole.size() + 8),
                       "runs past the end of the file (" + std::to_string(whole.size()) + " bytes)"});
  check_parse_rejects(with_u64(field::kMetadataOffset, 64), {"metadata section starts at byte 64", "header"});
  check_parse_rejects(with_u64(field::kVocabularyOffset, get_u64(whole, field::kMetadataOffset)),
                      {"vocabulary section starts at byte 128", "before the end of the metadata section"});
  check_parse_rejects(with_u64(field::kDims, 3), {"matrix section has", "expected rows x dims x 4 = 5 x 3 x 4 = 60"});
}

TEST_CASE("broken vocabulary tables") {
  SUBCASE("offsets out of order") {
    auto bytes = HandBuiltEmb{}.build();
    const std::size_t offsets = get_u64(bytes, field::kVocabularyOffset);
    // Row 2 "le" ends at blob byte 12; make row 3 end before that.
    REQUIRE(get_u64(bytes, offsets + 8 * 3) == 12);
    put_u64(bytes, offsets + 8 * 4, 11);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"vocabulary offsets out of order: row 3 starts at byte 12", "ends at byte 11"});
  }
  SUBCASE("an offset past the word blob") {
    auto bytes = HandBuiltEmb{}.build();
    const std::size_t offsets = get_u64(bytes, field::kVocabularyOffset);
    put_u64(bytes, offsets + 8 * 2, kMaxU64);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"vocabulary row 1 ends at byte 18446744073709551615 of the word blob"});
  }
  SUBCASE("the first offset is not 0") {
    auto bytes = HandBuiltEmb{}.build();
    put_u64(bytes, get_u64(bytes, field::kVocabularyOffset), 1);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"vocabulary offset of row 0 is 1, expected 0"});
  }
  SUBCASE("the last offset is not the blob's end") {
    HandBuiltEmb hand;
    auto bytes = hand.build();
    const std::size_t offsets = get_u64(bytes, field::kVocabularyOffset);
    put_u64(bytes, offsets + 8 * hand.rows(), get_u64(bytes, offsets + 8 * hand.rows()) - 1);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"vocabulary offsets end at byte", "which has"});
  }
  SUBCASE("section too small for its tables") {
    auto bytes = HandBuiltEmb{}.build();
    put_u64(bytes, field::kVocabularySize, 16);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"vocabulary section has 16 bytes, too few for the offsets and counts of 5 rows"});
  }
}

TEST_CASE("vocabulary contents") {
  HandBuiltEmb hand;
  SUBCASE("row 0 is not <pad>") {
    hand.words[0] = "<PAD>";
    check_parse_rejects(hand.build(), {"vocabulary row 0 is \"<PAD>\", expected the reserved token \"<pad>\""});
  }
  SUBCASE("row 1 is not <unk>") {
    hand.words[1] = "unk";
    check_parse_rejects(hand.build(), {"vocabulary row 1 is \"unk\"", "\"<unk>\""});
  }
  SUBCASE("a reserved row with a count") {
    hand.counts[1] = 4;
    check_parse_rejects(hand.build(), {"reserved vocabulary row 1 \"<unk>\" has count 4, expected 0"});
  }
  SUBCASE("invalid UTF-8") {
    hand.words[3] = "ab\xc3\x28";
    check_parse_rejects(hand.build(), {"vocabulary word of row 3 is not valid UTF-8 (byte 2 of the word)"});
  }
  SUBCASE("an overlong encoding is invalid UTF-8 too") {
    hand.words[3] = "\xc0\xaf";
    check_parse_rejects(hand.build(), {"row 3 is not valid UTF-8"});
  }
  SUBCASE("a repeated word") {
    hand.words[4] = "le";
    check_parse_rejects(hand.build(), {"vocabulary row 4 repeats the word \"le\" of row 2"});
  }
  SUBCASE("control bytes in a quoted word do not break the message line") {
    hand.words[2] = "a\nb";
    hand.words[4] = "a\nb";
    check_parse_rejects(hand.build(), {"repeats the word \"a\\x0ab\""});
  }
}

TEST_CASE("metadata that is not a JSON object") {
  HandBuiltEmb hand;
  SUBCASE("not JSON") {
    hand.metadata = "{\"epochs\": 3,";
    check_parse_rejects(hand.build(), {"model.emb: the metadata section is not valid JSON"});
  }
  SUBCASE("JSON but not an object") {
    hand.metadata = "[1, 2]";
    check_parse_rejects(hand.build(), {"metadata section holds a JSON array, expected an object"});
  }
}
