// Hand-built version 4 files whose labels section, bucket section or their header fields are
// broken: each must be refused with one line naming the file, what was expected and what was
// found, before the section's bytes are used.
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

// A valid version 4 classifier: a 4 x 2 softmax head, three labels, 3 x 2 "word-ngrams" bucket
// rows (24 bytes at the end of the file).
HandBuiltEmb classifier() {
  HandBuiltEmb hand;
  hand.version = 4;
  hand.head_kind = "softmax";
  hand.labels = {"__label__pos", "__label__neg", "__label__中立"};
  hand.label_counts = {5, 3, 1};
  hand.bucket_kind = "word-ngrams";
  return hand;
}

// The file with one header field changed and the header checksum made to match again.
std::vector<std::byte> classifier_with_u64(std::size_t at, std::uint64_t value) {
  auto bytes = classifier().build();
  put_u64(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

std::vector<std::byte> classifier_with_u32(std::size_t at, std::uint32_t value) {
  auto bytes = classifier().build();
  put_u32(bytes, at, value);
  reseal_header(bytes);
  return bytes;
}

// The file with its labels replaced, every checksum made to match again.
std::vector<std::byte> with_labels(std::vector<std::string> labels) {
  HandBuiltEmb hand = classifier();
  hand.label_counts.assign(labels.size(), 1);
  hand.labels = std::move(labels);
  return hand.build();
}

void write_bytes(const std::string& path, const std::vector<std::byte>& bytes) {
  write_text_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace

TEST_CASE("the hand-built version 4 file is valid, so each change below is what breaks it") {
  const auto bytes = classifier().build();
  const EmbeddingModel model = parse_model(bytes, "model.emb");
  CHECK(model.labels.size() == 3);
  CHECK(model.buckets->kind == "word-ngrams");
  CHECK(get_u64(bytes, field::kBucketOffset) + 24 == bytes.size());
  CHECK(find_emb_problems(bytes, "model.emb").empty());
}

TEST_CASE("a version 4 header is 288 bytes, all covered by its checksum") {
  const auto whole = classifier().build();
  for (std::size_t length : {std::size_t{192}, std::size_t{256}, std::size_t{287}}) {
    CAPTURE(length);
    check_parse_rejects(std::span(whole).first(length),
                        {"model.emb is truncated: the header needs 288 bytes, file has " +
                         std::to_string(length)});
  }
  for (std::size_t at = field::kHeaderSizeV3; at < field::kHeaderSizeV4; ++at) {
    CAPTURE(at);
    auto bytes = whole;
    bytes[at] ^= std::byte{0x10};
    check_parse_rejects(bytes, {"model.emb has a corrupt header (checksum mismatch"});
  }
  check_parse_rejects(classifier_with_u64(field::kMetadataOffset, 192),
                      {"metadata section starts at byte 192, before the end of the header at byte 288"});
  check_parse_rejects(classifier_with_u32(field::kLabelsReserved + 1, 0x2a),
                      {"reserved header byte 261 is 2a, expected 00 in format version 4"});
}

TEST_CASE("a newer version is refused naming both versions") {
  check_parse_rejects(classifier_with_u32(field::kVersion, 6),
                      {"model.emb was written by format version 6; this embedtool reads up to version 5"});
}

TEST_CASE("truncated labels and bucket sections") {
  const auto whole = classifier().build();
  SUBCASE("a file cut anywhere is refused by its size") {
    const std::uint64_t labels_offset = get_u64(whole, field::kLabelsOffset);
    for (std::size_t length : {std::size_t(labels_offset + 5), std::size_t(get_u64(whole, field::kBucketOffset) + 7)}) {
      CAPTURE(length);
      check_parse_rejects(std::span(whole).first(length),
                          {"model.emb is truncated: header says " + std::to_string(whole.size()) +
                           " bytes, file has " + std::to_string(length)});
    }
  }
  SUBCASE("the file cut inside the bucket rows, its size field made to agree") {
    auto bytes = whole;
    bytes.resize(bytes.size() - 4);
    put_u64(bytes, field::kFileSize, bytes.size());
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the bucket section", "size 24) runs past the end of the file"});
  }
  SUBCASE("a labels section too short for its tables") {
    auto bytes = whole;
    put_u64(bytes, field::kLabelsSize, 40);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"model.emb: the labels section has 40 bytes, too few for the offsets "
                                "and counts of 3 labels (16 x labels + 8 bytes)"});
  }
  SUBCASE("a labels section shorter than its names") {
    auto bytes = whole;
    put_u64(bytes, field::kLabelsSize, get_u64(bytes, field::kLabelsSize) - 3);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"label 2 ends at byte", "of the label blob, which has"});
  }
}

TEST_CASE("a flipped bit in the labels or the bucket rows") {
  const auto whole = classifier().build();
  auto flip_in = [&](std::size_t offset_field, std::size_t size_field) {
    auto bytes = whole;
    bytes[get_u64(bytes, offset_field) + get_u64(bytes, size_field) - 2] ^= std::byte{0x01};
    return bytes;
  };
  const auto labels_flipped = flip_in(field::kLabelsOffset, field::kLabelsSize);
  const auto buckets_flipped = flip_in(field::kBucketOffset, field::kBucketSize);
  check_parse_rejects(labels_flipped, {"model.emb has a corrupt labels section (checksum mismatch: header says 0x"});
  check_parse_rejects(buckets_flipped, {"model.emb has a corrupt bucket section (checksum mismatch: header says 0x"});

  SUBCASE("verify reports each damaged section on its own line") {
    auto bytes = labels_flipped;
    bytes[get_u64(bytes, field::kBucketOffset) + 1] ^= std::byte{0x01};
    bytes[get_u64(bytes, field::kHeadOffset) + 1] ^= std::byte{0x01};
    const auto problems = find_emb_problems(bytes, "m.emb");
    REQUIRE(problems.size() == 3);
    check_message(problems[0], {"m.emb has a corrupt labels section"});
    check_message(problems[1], {"m.emb has a corrupt head section"});
    check_message(problems[2], {"m.emb has a corrupt bucket section"});
  }
  SUBCASE("a small mapped file checks both on opening, and labels() checks the labels") {
    ScratchFolder folder;
    write_bytes(folder.file("l.emb"), labels_flipped);
    check_message(error_of([&] { MappedModel mapped(folder.file("l.emb")); }), {"l.emb has a corrupt labels section"});
    write_bytes(folder.file("b.emb"), buckets_flipped);
    check_message(error_of([&] { MappedModel mapped(folder.file("b.emb")); }), {"b.emb has a corrupt bucket section"});
  }
}

TEST_CASE("sizes that overflow 64 bits") {
  check_parse_rejects(classifier_with_u64(field::kLabelsCount, std::uint64_t{1} << 60),
                      {"the labels section has", "too few for the offsets and counts of 1152921504606846976 labels"});
  check_parse_rejects(classifier_with_u64(field::kLabelsCount, kMaxU64), {"too few for the offsets and counts of 18446744073709551615 labels"});
  check_parse_rejects(classifier_with_u64(field::kBucketRows, std::uint64_t{1} << 62),
                      {"the bucket has 4611686018427387904 rows x 2 dims", "overflows 64 bits"});
  SUBCASE("sections whose size wraps their offset around") {
    const auto whole = classifier().build();
    const std::uint64_t labels_offset = get_u64(whole, field::kLabelsOffset);
    check_parse_rejects(classifier_with_u64(field::kLabelsSize, kMaxU64 - labels_offset + 2),
                        {"the labels section (offset " + std::to_string(labels_offset), "runs past the end of the file"});
    const std::uint64_t bucket_offset = get_u64(whole, field::kBucketOffset);
    check_parse_rejects(classifier_with_u64(field::kBucketSize, kMaxU64 - bucket_offset + 2),
                        {"the bucket section (offset " + std::to_string(bucket_offset), "runs past the end of the file"});
    check_parse_rejects(classifier_with_u64(field::kBucketOffset, kMaxU64), {"the bucket section (offset 18446744073709551615"});
  }
}

TEST_CASE("labels and bucket sections out of place") {
  const auto whole = classifier().build();
  const std::uint64_t index_end = get_u64(whole, field::kHashIndexOffset) + get_u64(whole, field::kHashIndexSize);
  check_parse_rejects(classifier_with_u64(field::kLabelsOffset, index_end - 8),
                      {"the labels section starts at byte " + std::to_string(index_end - 8),
                       "before the end of the hash index section at byte " + std::to_string(index_end)});
  SUBCASE("labels overlapping the matrix") {
    const std::uint64_t matrix_offset = get_u64(whole, field::kMatrixOffset);
    const std::uint64_t labels_offset = get_u64(whole, field::kLabelsOffset);
    check_parse_rejects(classifier_with_u64(field::kLabelsSize, matrix_offset - labels_offset + 8),
                        {"the matrix section starts at byte " + std::to_string(matrix_offset),
                         "before the end of the labels section"});
  }
  SUBCASE("misaligned labels") {
    auto bytes = whole;
    put_u64(bytes, field::kLabelsOffset, get_u64(bytes, field::kLabelsOffset) + 4);
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the labels section starts at byte", "expected a multiple of 8"});
  }
  SUBCASE("bucket rows overlapping the head") {
    const std::uint64_t head_offset = get_u64(whole, field::kHeadOffset);
    check_parse_rejects(classifier_with_u64(field::kBucketOffset, head_offset),
                        {"the bucket section starts at byte " + std::to_string(head_offset),
                         "before the end of the head section at byte " + std::to_string(head_offset + 32)});
  }
  SUBCASE("misaligned bucket rows") {
    auto bytes = whole;
    put_u64(bytes, field::kBucketOffset, get_u64(bytes, field::kBucketOffset) + 8);
    put_u64(bytes, field::kBucketSize, 16);
    put_u64(bytes, field::kBucketRows, 2);
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the bucket section starts at byte", "expected a multiple of 64"});
  }
}

TEST_CASE("bucket rows whose shape does not match") {
  check_parse_rejects(classifier_with_u64(field::kBucketDims, 3),
                      {"the word-ngrams bucket has 3 dims, expected the matrix's 2 (output_dim)"});
  check_parse_rejects(classifier_with_u64(field::kBucketRows, 2),
                      {"the bucket section has 24 bytes, expected rows x dims x 4 = 2 x 2 x 4 = 16"});
  SUBCASE("a float16 matrix does not make the bucket rows float16") {
    HandBuiltEmb hand = classifier();
    hand.dtype = 1;
    auto bytes = hand.build();
    put_u64(bytes, field::kBucketSize, 12);  // what 3 x 2 f16 values would take
    reseal_header(bytes);
    check_parse_rejects(bytes, {"the bucket section has 12 bytes, expected rows x dims x 4 = 3 x 2 x 4 = 24"});
  }
}

TEST_CASE("bad bucket kinds") {
  auto kind_bytes = [](std::string_view kind) {
    auto bytes = classifier().build();
    put_u32(bytes, field::kBucketKindSize, static_cast<std::uint32_t>(kind.size()));
    for (std::size_t i = 0; i < 24; ++i) {
      bytes[field::kBucketKind + i] = i < kind.size() ? std::byte(static_cast<unsigned char>(kind[i])) : std::byte{0};
    }
    reseal_header(bytes);
    return bytes;
  };
  check_parse_rejects(kind_bytes("word ngrams"),
                      {"model.emb: the bucket kind \"word ngrams\" has byte 20 at position 4, expected "
                       "visible ASCII (21 to 7e)"});
  check_parse_rejects(kind_bytes("ngrams\x7f"), {"the bucket kind \"ngrams\\x7f\" has byte 7f at position 6"});
  check_parse_rejects(classifier_with_u32(field::kBucketKindSize, 25), {"the bucket kind has 25 bytes, expected at most 24"});
  SUBCASE("a kind this reader does not know is read: storage checks the form only") {
    const EmbeddingModel model = parse_model(kind_bytes("subword-v9"), "model.emb");
    CHECK(model.buckets->kind == "subword-v9");
  }
  SUBCASE("bytes after the kind are not zero") {
    auto bytes = classifier().build();
    bytes[field::kBucketKind + 20] = std::byte{0x2a};
    reseal_header(bytes);
    check_parse_rejects(bytes, {"header byte 252, after the 11-byte bucket kind, is 2a, expected 00"});
  }
  SUBCASE("no kind, but bucket fields left over") {
    check_parse_rejects(kind_bytes(""), {"the bucket kind is empty (no bucket) but the bucket section has offset",
                                         "size 24, rows 3, dims 2 and checksum 0x", "expected all 0"});
  }
}

TEST_CASE("no labels, but labels fields left over") {
  check_parse_rejects(classifier_with_u64(field::kLabelsCount, 0),
                      {"the labels count is 0 (no labels) but the labels section has offset",
                       "and checksum 0x", "expected all 0"});
}

TEST_CASE("broken label names") {
  SUBCASE("an empty name") {
    check_parse_rejects(with_labels({"__label__a", "", "__label__b"}),
                        {"label offsets out of order: label 1 starts at byte 10 of the label blob and "
                         "ends at byte 10 (offsets must increase, labels are never empty)"});
  }
  SUBCASE("a repeated name") {
    check_parse_rejects(with_labels({"__label__a", "__label__b", "__label__a"}),
                        {"model.emb: label 2 repeats the label \"__label__a\" of label 0"});
  }
  SUBCASE("whitespace in a name") {
    check_parse_rejects(with_labels({"__label__a b"}), {"label 0 \"__label__a b\" has the whitespace byte 20 at position 10"});
    check_parse_rejects(with_labels({"x", "a\nb"}), {"label 1 \"a\\x0ab\" has the whitespace byte 0a at position 1"});
    check_parse_rejects(with_labels({"x", "y", "\r"}), {"label 2 \"\\x0d\" has the whitespace byte 0d"});
  }
  SUBCASE("a name that is not UTF-8") {
    check_parse_rejects(with_labels({"__label__\xc3\x28"}), {"label 0", "is not valid UTF-8 (byte 9 of the name)"});
    check_parse_rejects(with_labels({"\xed\xa0\x80"}), {"label 0", "is not valid UTF-8 (byte 0"});  // a surrogate
  }
  SUBCASE("the offset table") {
    auto bytes = classifier().build();
    const std::size_t offsets = get_u64(bytes, field::kLabelsOffset);
    put_u64(bytes, offsets, 1);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"label offset of label 0 is 1, expected 0"});
    put_u64(bytes, offsets, 0);
    put_u64(bytes, offsets + 8 * 3, get_u64(bytes, offsets + 8 * 3) - 1);
    reseal_all(bytes);
    check_parse_rejects(bytes, {"label offsets end at byte", "of the label blob, which has"});
  }
}

TEST_CASE("a version 3 file knows nothing of bytes 192 on: they are its metadata") {
  HandBuiltEmb hand;
  hand.version = 3;
  hand.metadata = R"({"k":")" + std::string(200, 'v') + R"("})";
  const EmbeddingModel model = parse_model(hand.build(), "v3.emb");
  CHECK(model.labels.empty());
  CHECK_FALSE(model.buckets.has_value());
  CHECK(model.metadata.at("k").get<std::string>().size() == 200);
}
