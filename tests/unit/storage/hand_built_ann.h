#pragma once
// Builds ANN index files by hand from docs/FORMAT.md ("The ANN index file"), without the
// library's writer, so that the tests check the library against the documented format and can
// produce files no correct writer would.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "hand_built_emb.h"

namespace embedtool::storage_test {

// Byte positions of the index header's fields, copied from the table in docs/FORMAT.md.
namespace ann_field {
constexpr std::size_t kMagic = 0;  // 8 bytes
constexpr std::size_t kVersion = 8;
constexpr std::size_t kHeaderCrc = 12;
constexpr std::size_t kFileSize = 16;
constexpr std::size_t kRows = 24;
constexpr std::size_t kDims = 32;
constexpr std::size_t kDtype = 40;
constexpr std::size_t kMatrixCrc = 44;
constexpr std::size_t kNormsCrc = 48;
constexpr std::size_t kLinks = 52;
constexpr std::size_t kLinks0 = 56;
constexpr std::size_t kEfConstruction = 60;
constexpr std::size_t kEfSearch = 64;
constexpr std::size_t kTopLevel = 68;
constexpr std::size_t kEntryPoint = 72;
constexpr std::size_t kNodes = 80;
constexpr std::size_t kLevel0Offset = 88;
constexpr std::size_t kLevel0Size = 96;
constexpr std::size_t kUpperIndexOffset = 104;
constexpr std::size_t kUpperIndexSize = 112;
constexpr std::size_t kUpperListsOffset = 120;
constexpr std::size_t kUpperListsSize = 128;
constexpr std::size_t kLevel0Crc = 136;
constexpr std::size_t kUpperIndexCrc = 140;
constexpr std::size_t kUpperListsCrc = 144;
constexpr std::size_t kReserved = 148;  // 12 bytes, zero
constexpr std::size_t kHeaderSize = 160;
}  // namespace ann_field

inline constexpr std::uint32_t kHandNoUpperLevels = 0xFFFFFFFF;

// A small sound index over a model of 7 rows (words in rows 2 to 6), 2 links on level 1 and 4
// on level 0: rows 2 and 4 also sit on level 1, and row 4 is the entry point.
//   level 0: 2 -> 3 4, 3 -> 2 5, 4 -> 2 6, 5 -> 3 6, 6 -> 4 5
//   level 1: 2 -> 4,   4 -> 2
struct HandBuiltAnn {
  std::uint32_t version = 1;
  std::uint64_t rows = 7;
  std::uint64_t dims = 3;
  std::uint32_t dtype = 0;
  std::uint32_t matrix_crc = 0x11111111;
  std::uint32_t norms_crc = 0x22222222;
  std::uint32_t links = 2;
  std::uint32_t links0 = 4;
  std::uint32_t ef_construction = 10;
  std::uint32_t ef_search = 8;
  std::uint32_t top_level = 1;
  std::uint64_t entry_point = 4;
  std::uint64_t nodes = 5;
  std::vector<std::uint32_t> level0 = {
      0, 0, 0, 0, 0,  // row 0 (<pad>)
      0, 0, 0, 0, 0,  // row 1 (<unk>)
      2, 3, 4, 0, 0,  // row 2
      2, 2, 5, 0, 0,  // row 3
      2, 2, 6, 0, 0,  // row 4
      2, 3, 6, 0, 0,  // row 5
      2, 4, 5, 0, 0,  // row 6
  };
  std::vector<std::uint32_t> upper_index = {kHandNoUpperLevels, kHandNoUpperLevels, 0,
                                            kHandNoUpperLevels, 4, kHandNoUpperLevels,
                                            kHandNoUpperLevels};
  std::vector<std::uint32_t> upper_lists = {1, 1, 4, 0,   // row 2: level 1, links to 4
                                            1, 1, 2, 0};  // row 4: level 1, links to 2

  // Sections at the header's end rounded up to 64, each after the previous one rounded up to 64.
  std::vector<std::byte> build() const {
    const std::uint64_t level0_at = 192;
    const std::uint64_t level0_size = 4 * level0.size();
    const std::uint64_t index_at = (level0_at + level0_size + 63) / 64 * 64;
    const std::uint64_t index_size = 4 * upper_index.size();
    const std::uint64_t lists_at = (index_at + index_size + 63) / 64 * 64;
    const std::uint64_t lists_size = 4 * upper_lists.size();
    std::vector<std::byte> bytes(lists_at + lists_size);
    const unsigned char magic[8] = {0x89, 'E', 'M', 'B', 'A', 'N', 'N', '\n'};
    for (std::size_t i = 0; i < 8; ++i) bytes[ann_field::kMagic + i] = std::byte{magic[i]};
    put_u32(bytes, ann_field::kVersion, version);
    put_u64(bytes, ann_field::kFileSize, bytes.size());
    put_u64(bytes, ann_field::kRows, rows);
    put_u64(bytes, ann_field::kDims, dims);
    put_u32(bytes, ann_field::kDtype, dtype);
    put_u32(bytes, ann_field::kMatrixCrc, matrix_crc);
    put_u32(bytes, ann_field::kNormsCrc, norms_crc);
    put_u32(bytes, ann_field::kLinks, links);
    put_u32(bytes, ann_field::kLinks0, links0);
    put_u32(bytes, ann_field::kEfConstruction, ef_construction);
    put_u32(bytes, ann_field::kEfSearch, ef_search);
    put_u32(bytes, ann_field::kTopLevel, top_level);
    put_u64(bytes, ann_field::kEntryPoint, entry_point);
    put_u64(bytes, ann_field::kNodes, nodes);
    put_u64(bytes, ann_field::kLevel0Offset, level0_at);
    put_u64(bytes, ann_field::kLevel0Size, level0_size);
    put_u64(bytes, ann_field::kUpperIndexOffset, index_at);
    put_u64(bytes, ann_field::kUpperIndexSize, index_size);
    put_u64(bytes, ann_field::kUpperListsOffset, lists_at);
    put_u64(bytes, ann_field::kUpperListsSize, lists_size);
    const auto store = [&bytes](std::uint64_t at, const std::vector<std::uint32_t>& values) {
      for (std::size_t i = 0; i < values.size(); ++i) put_u32(bytes, at + 4 * i, values[i]);
    };
    store(level0_at, level0);
    store(index_at, upper_index);
    store(lists_at, upper_lists);
    reseal_ann(bytes);
    return bytes;
  }

  // The section checksums from the sections' bytes, then the header's.
  static void reseal_ann(std::vector<std::byte>& bytes) {
    const auto section_crc = [&bytes](std::size_t offset_field, std::size_t size_field, std::size_t crc_field) {
      put_u32(bytes, crc_field,
              zlib_crc(std::span(bytes).subspan(get_u64(bytes, offset_field), get_u64(bytes, size_field))));
    };
    section_crc(ann_field::kLevel0Offset, ann_field::kLevel0Size, ann_field::kLevel0Crc);
    section_crc(ann_field::kUpperIndexOffset, ann_field::kUpperIndexSize, ann_field::kUpperIndexCrc);
    section_crc(ann_field::kUpperListsOffset, ann_field::kUpperListsSize, ann_field::kUpperListsCrc);
    reseal_ann_header(bytes);
  }

  static void reseal_ann_header(std::vector<std::byte>& bytes) {
    put_u32(bytes, ann_field::kHeaderCrc, 0);
    put_u32(bytes, ann_field::kHeaderCrc, zlib_crc(std::span(bytes).first(ann_field::kHeaderSize)));
  }
};

}  // namespace embedtool::storage_test
