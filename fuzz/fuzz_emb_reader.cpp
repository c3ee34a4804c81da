// libFuzzer target: the .emb reader must reject any byte string with embedtool::Error, never
// crash, read out of bounds or allocate without checking sizes first.
//
// Random mutations almost never keep the CRC32s right, so half of the inputs get their checksums
// recomputed first (header layout of versions 1 to 4 from docs/FORMAT.md); otherwise the fuzzer
// would only ever exercise the checksum test and never the section parsers behind it.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_format.h"

namespace {

constexpr std::size_t kHeaderSize = 128;    // versions 1 and 2
constexpr std::size_t kHeaderSizeV3 = 192;  // version 3
constexpr std::size_t kHeaderSizeV4 = 288;  // version 4
constexpr std::size_t kHeaderSizeV5 = 320;  // version 5
constexpr std::size_t kVersionAt = 4;
constexpr std::size_t kHeaderCrcAt = 8;
constexpr std::size_t kFirstSectionAt = 48;  // (offset, size) u64 pairs: metadata, vocab, matrix
constexpr std::size_t kFirstSectionCrcAt = 96;
constexpr std::size_t kHashIndexCrcAt = 108;     // version 2: u32 crc, then u64 offset, u64 size
constexpr std::size_t kHashIndexOffsetAt = 112;
constexpr std::size_t kHeadCrcAt = 128;          // version 3: u32 crc, u32 kind size, u64 offset, u64 size
constexpr std::size_t kHeadOffsetAt = 136;
constexpr std::size_t kBucketCrcAt = 192;        // version 4: the head's layout, 64 bytes on
constexpr std::size_t kBucketOffsetAt = 200;
constexpr std::size_t kLabelsCrcAt = 256;        // version 4: u32 crc, u32 reserved, u64 offset, u64 size
constexpr std::size_t kLabelsOffsetAt = 264;
constexpr std::size_t kNormsCrcAt = 288;         // version 5: the labels' layout
constexpr std::size_t kNormsOffsetAt = 296;

std::uint32_t read_u32(const std::vector<std::byte>& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value |= std::uint32_t(bytes[at + i]) << (8 * i);
  return value;
}

std::uint64_t read_u64(const std::vector<std::byte>& bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= std::uint64_t(bytes[at + i]) << (8 * i);
  return value;
}

void write_u32(std::vector<std::byte>& bytes, std::size_t at, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = std::byte((value >> (8 * i)) & 0xFF);
}

// The checksum at `crc_at` of the section whose u64 offset and size are at `offset_at`, if the
// section lies inside the input.
void repair_section(std::vector<std::byte>& bytes, std::size_t crc_at, std::size_t offset_at) {
  const std::uint64_t offset = read_u64(bytes, offset_at);
  const std::uint64_t size = read_u64(bytes, offset_at + 8);
  if (offset > bytes.size() || size > bytes.size() - offset) return;
  write_u32(bytes, crc_at, embedtool::crc32_of(std::span(bytes).subspan(offset, size)));
}

void repair_checksums(std::vector<std::byte>& bytes) {
  if (bytes.size() < kHeaderSize) return;
  for (std::size_t section = 0; section < 3; ++section) {
    repair_section(bytes, kFirstSectionCrcAt + 4 * section, kFirstSectionAt + 16 * section);
  }
  // An absent index has offset 0 and must keep checksum 0.
  if (read_u64(bytes, kHashIndexOffsetAt) != 0) repair_section(bytes, kHashIndexCrcAt, kHashIndexOffsetAt);
  std::size_t header_size = kHeaderSize;
  const std::uint32_t version = read_u32(bytes, kVersionAt);
  if (version >= 3 && bytes.size() >= kHeaderSizeV3) {
    header_size = kHeaderSizeV3;
    repair_section(bytes, kHeadCrcAt, kHeadOffsetAt);
  }
  if (version >= 4 && bytes.size() >= kHeaderSizeV4) {
    header_size = kHeaderSizeV4;
    repair_section(bytes, kBucketCrcAt, kBucketOffsetAt);
    repair_section(bytes, kLabelsCrcAt, kLabelsOffsetAt);
  }
  if (version >= 5 && bytes.size() >= kHeaderSizeV5) {
    header_size = kHeaderSizeV5;
    repair_section(bytes, kNormsCrcAt, kNormsOffsetAt);
  }
  write_u32(bytes, kHeaderCrcAt, 0);
  write_u32(bytes, kHeaderCrcAt, embedtool::crc32_of(std::span(bytes).first(header_size)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto raw = std::as_bytes(std::span(data, size));
  std::vector<std::byte> bytes(raw.begin(), raw.end());
  if (size > 0 && (data[size - 1] & 1)) repair_checksums(bytes);
  try {
    const embedtool::EmbeddingModel model = embedtool::parse_model(bytes, "fuzz.emb");
    // Whatever parses must survive a write and a read unchanged. (Input bytes themselves need
    // not come back: the metadata JSON may be spaced differently from what the writer emits.)
    const std::vector<std::byte> written = embedtool::serialize_model(model);
    const embedtool::EmbeddingModel reread = embedtool::parse_model(written, "rewritten.emb");
    if (embedtool::serialize_model(reread) != written) __builtin_trap();
  } catch (const embedtool::Error&) {
  }
  return 0;
}
