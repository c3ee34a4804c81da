#pragma once
// Builds .emb files by hand from docs/FORMAT.md, without the library's writer, so that the
// tests check the library against the documented format (not against itself) and can produce
// files no correct writer would: bad fields, broken tables, wrong checksums.
#include <zlib.h>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace embedtool::storage_test {

// Byte positions of the header fields, copied from the table in docs/FORMAT.md.
namespace field {
constexpr std::size_t kMagic = 0;
constexpr std::size_t kVersion = 4;
constexpr std::size_t kHeaderCrc = 8;
constexpr std::size_t kDtype = 12;
constexpr std::size_t kAlignment = 16;
constexpr std::size_t kReservedRows = 20;
constexpr std::size_t kRows = 24;
constexpr std::size_t kDims = 32;
constexpr std::size_t kFileSize = 40;
constexpr std::size_t kMetadataOffset = 48;
constexpr std::size_t kMetadataSize = 56;
constexpr std::size_t kVocabularyOffset = 64;
constexpr std::size_t kVocabularySize = 72;
constexpr std::size_t kMatrixOffset = 80;
constexpr std::size_t kMatrixSize = 88;
constexpr std::size_t kMetadataCrc = 96;
constexpr std::size_t kVocabularyCrc = 100;
constexpr std::size_t kMatrixCrc = 104;
constexpr std::size_t kHashIndexCrc = 108;  // version 2; reserved (zero) in version 1
constexpr std::size_t kHashIndexOffset = 112;
constexpr std::size_t kHashIndexSize = 120;
constexpr std::size_t kVersion1Reserved = 108;
constexpr std::size_t kHeaderSize = 128;  // versions 1 and 2
// Version 3: the head section's fields after the 128 bytes of version 2.
constexpr std::size_t kHeadCrc = 128;
constexpr std::size_t kHeadKindSize = 132;
constexpr std::size_t kHeadOffset = 136;
constexpr std::size_t kHeadSize = 144;
constexpr std::size_t kHeadRows = 152;
constexpr std::size_t kHeadDims = 160;
constexpr std::size_t kHeadKind = 168;  // 24 bytes, zero after the kind
constexpr std::size_t kHeaderSizeV3 = 192;
// Version 4: the bucket section's fields (the head's layout, 64 bytes on), then the labels'.
constexpr std::size_t kBucketCrc = 192;
constexpr std::size_t kBucketKindSize = 196;
constexpr std::size_t kBucketOffset = 200;
constexpr std::size_t kBucketSize = 208;
constexpr std::size_t kBucketRows = 216;
constexpr std::size_t kBucketDims = 224;
constexpr std::size_t kBucketKind = 232;  // 24 bytes, zero after the kind
constexpr std::size_t kLabelsCrc = 256;
constexpr std::size_t kLabelsReserved = 260;  // 4 bytes, zero
constexpr std::size_t kLabelsOffset = 264;
constexpr std::size_t kLabelsSize = 272;
constexpr std::size_t kLabelsCount = 280;
constexpr std::size_t kHeaderSizeV4 = 288;
// Version 5: the row norms section's fields, laid out as the labels'.
constexpr std::size_t kNormsCrc = 288;
constexpr std::size_t kNormsReserved = 292;  // 4 bytes, zero
constexpr std::size_t kNormsOffset = 296;
constexpr std::size_t kNormsSize = 304;
constexpr std::size_t kNormsRows = 312;
constexpr std::size_t kHeaderSizeV5 = 320;
}  // namespace field

// The largest value a 64-bit header field can hold (the corruption tests write it).
inline constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();

inline void put_u32(std::vector<std::byte>& bytes, std::size_t at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = std::byte(value >> (8 * i));
}
inline void put_u64(std::vector<std::byte>& bytes, std::size_t at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) bytes[at + i] = std::byte(value >> (8 * i));
}
inline std::uint64_t get_u64(std::span<const std::byte> bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= std::uint64_t(std::to_integer<unsigned>(bytes[at + i])) << (8 * i);
  return value;
}
inline std::uint32_t get_u32(std::span<const std::byte> bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) value |= std::uint32_t(std::to_integer<unsigned>(bytes[at + i])) << (8 * i);
  return value;
}
inline std::uint32_t zlib_crc(std::span<const std::byte> bytes) {
  return static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

// The header's size for the version the file's bytes 4..7 give.
inline std::size_t header_size_of(std::span<const std::byte> bytes) {
  const std::uint32_t version = get_u32(bytes, field::kVersion);
  if (version >= 5) return field::kHeaderSizeV5;
  if (version >= 4) return field::kHeaderSizeV4;
  return version == 3 ? field::kHeaderSizeV3 : field::kHeaderSize;
}

// After a test edits header fields: the header checksum again matches, so the edit itself is what
// the reader sees.
inline void reseal_header(std::vector<std::byte>& bytes) {
  put_u32(bytes, field::kHeaderCrc, 0);
  put_u32(bytes, field::kHeaderCrc, zlib_crc(std::span(bytes).first(header_size_of(bytes))));
}

// After a test edits section contents: all checksums match again (trusting the header's offsets).
inline void reseal_all(std::vector<std::byte>& bytes) {
  auto section_crc = [&](std::size_t offset_field, std::size_t size_field, std::size_t crc_field) {
    auto section = std::span(bytes).subspan(get_u64(bytes, offset_field), get_u64(bytes, size_field));
    put_u32(bytes, crc_field, zlib_crc(section));
  };
  section_crc(field::kMetadataOffset, field::kMetadataSize, field::kMetadataCrc);
  section_crc(field::kVocabularyOffset, field::kVocabularySize, field::kVocabularyCrc);
  section_crc(field::kMatrixOffset, field::kMatrixSize, field::kMatrixCrc);
  if (get_u64(bytes, field::kHashIndexSize) != 0) {
    section_crc(field::kHashIndexOffset, field::kHashIndexSize, field::kHashIndexCrc);
  }
  if (get_u32(bytes, field::kVersion) >= 3 && get_u32(bytes, field::kHeadKindSize) != 0) {
    section_crc(field::kHeadOffset, field::kHeadSize, field::kHeadCrc);
  }
  if (get_u32(bytes, field::kVersion) >= 4 && get_u32(bytes, field::kBucketKindSize) != 0) {
    section_crc(field::kBucketOffset, field::kBucketSize, field::kBucketCrc);
  }
  if (get_u32(bytes, field::kVersion) >= 4 && get_u64(bytes, field::kLabelsCount) != 0) {
    section_crc(field::kLabelsOffset, field::kLabelsSize, field::kLabelsCrc);
  }
  if (get_u32(bytes, field::kVersion) >= 5 && get_u64(bytes, field::kNormsRows) != 0) {
    section_crc(field::kNormsOffset, field::kNormsSize, field::kNormsCrc);
  }
  reseal_header(bytes);
}

// The float16 bits of a value that float16 holds exactly (a normal number or zero), computed
// from the float32 bits: sign, exponent rebiased from 127 to 15, the top 10 mantissa bits.
inline std::uint16_t exact_float16_bits(float value) {
  const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
  const std::uint32_t sign = (bits >> 16) & 0x8000;
  if ((bits & 0x7fffffff) == 0) return static_cast<std::uint16_t>(sign);
  const std::uint32_t exponent = ((bits >> 23) & 0xff) - 127 + 15;
  return static_cast<std::uint16_t>(sign | (exponent << 10) | ((bits >> 13) & 0x3ff));
}

struct HandBuiltEmb {
  std::vector<std::string> words = {"<pad>", "<unk>", "le", "été", "東京"};
  std::vector<std::uint64_t> counts = {0, 0, 40, 9, 2};
  std::uint64_t dims = 2;
  std::string metadata = R"({"epochs":3,"note":"hand-built file"})";
  std::uint32_t version = 2;
  bool hash_index = true;  // versions 2 and 3
  std::uint32_t dtype = 0;  // 0 float32, 1 float16
  // Version 3 only: the head section after the matrix, always f32; an empty kind means none.
  std::string head_kind;
  std::uint64_t head_rows = 4;
  // Version 4 only: the labels section between the hash index and the matrix (none if empty),
  // and the bucket rows after the head (or the matrix), always f32 (none if the kind is empty).
  std::vector<std::string> labels;
  std::vector<std::uint64_t> label_counts;
  std::string bucket_kind;
  std::uint64_t bucket_rows = 3;
  // Version 5 only: the row norms section after everything else (none if false).
  bool norms = true;

  std::uint64_t rows() const { return words.size(); }
  float value(std::uint64_t row, std::uint64_t col) const {
    return static_cast<float>(row) + static_cast<float>(col) / 8.0f;
  }
  // Beyond the float16 range, which the head (always f32) must keep even in a float16 file.
  float head_value(std::uint64_t row, std::uint64_t col) const {
    return -70000.0f - static_cast<float>(row) - static_cast<float>(col) / 4.0f;
  }
  float bucket_value(std::uint64_t row, std::uint64_t col) const {
    return 80000.0f + static_cast<float>(row) * 2.0f + static_cast<float>(col) / 16.0f;
  }

  // The hash index section as docs/FORMAT.md describes it: slots = the smallest power of two
  // >= 2 x words, home slot crc32(word) mod slots, linear probing in row order, 0 = empty.
  std::vector<std::uint64_t> hash_slots() const {
    const std::uint64_t words_only = rows() - 2;
    std::uint64_t slots = 1;
    while (slots < 2 * words_only) slots *= 2;
    std::vector<std::uint64_t> table(slots, 0);
    for (std::uint64_t row = 2; row < rows(); ++row) {
      const auto& word = words[row];
      std::uint64_t at = zlib_crc(std::as_bytes(std::span(word.data(), word.size()))) & (slots - 1);
      while (table[at] != 0) at = (at + 1) & (slots - 1);
      table[at] = row;
    }
    return table;
  }

  std::vector<std::byte> build() const {
    std::vector<std::byte> file(version >= 5   ? field::kHeaderSizeV5
                                : version == 4 ? field::kHeaderSizeV4
                                : version == 3 ? field::kHeaderSizeV3
                                               : field::kHeaderSize);
    auto append = [&](std::string_view text) {
      for (char c : text) file.push_back(std::byte(static_cast<unsigned char>(c)));
    };
    auto append_u64 = [&](std::uint64_t value) {
      file.resize(file.size() + 8);
      put_u64(file, file.size() - 8, value);
    };
    auto pad_to = [&](std::size_t alignment) {
      while (file.size() % alignment != 0) file.push_back(std::byte{0});
    };
    auto append_f32 = [&](float value) {
      file.resize(file.size() + 4);
      put_u32(file, file.size() - 4, std::bit_cast<std::uint32_t>(value));
    };
    // A string table: entries + 1 end offsets, entries counts, the names' bytes.
    auto append_table = [&](const std::vector<std::string>& names, const std::vector<std::uint64_t>& counts_of) {
      std::uint64_t end = 0;
      append_u64(0);
      for (const auto& name : names) append_u64(end += name.size());
      for (auto count : counts_of) append_u64(count);
      for (const auto& name : names) append(name);
    };

    const std::size_t metadata_offset = file.size();
    append(metadata);
    const std::size_t metadata_size = file.size() - metadata_offset;

    pad_to(8);
    const std::size_t vocabulary_offset = file.size();
    append_table(words, counts);
    const std::size_t vocabulary_size = file.size() - vocabulary_offset;

    std::size_t index_offset = 0;
    std::size_t index_size = 0;
    if (hash_index) {
      pad_to(8);
      index_offset = file.size();
      for (std::uint64_t slot : hash_slots()) append_u64(slot);
      index_size = file.size() - index_offset;
    }

    std::size_t labels_offset = 0;
    std::size_t labels_size = 0;
    if (!labels.empty()) {
      pad_to(8);
      labels_offset = file.size();
      append_table(labels, label_counts);
      labels_size = file.size() - labels_offset;
    }

    pad_to(64);
    const std::size_t matrix_offset = file.size();
    for (std::uint64_t row = 0; row < rows(); ++row) {
      for (std::uint64_t col = 0; col < dims; ++col) {
        if (dtype == 1) {
          const std::uint16_t half = exact_float16_bits(value(row, col));
          file.push_back(std::byte(half & 0xff));
          file.push_back(std::byte(half >> 8));
        } else {
          append_f32(value(row, col));
        }
      }
    }
    const std::size_t matrix_size = file.size() - matrix_offset;

    std::size_t head_offset = 0;
    std::size_t head_size = 0;
    if (!head_kind.empty()) {
      pad_to(64);
      head_offset = file.size();
      for (std::uint64_t row = 0; row < head_rows; ++row) {
        for (std::uint64_t col = 0; col < dims; ++col) append_f32(head_value(row, col));
      }
      head_size = file.size() - head_offset;
    }

    std::size_t bucket_offset = 0;
    std::size_t bucket_size = 0;
    if (!bucket_kind.empty()) {
      pad_to(64);
      bucket_offset = file.size();
      for (std::uint64_t row = 0; row < bucket_rows; ++row) {
        for (std::uint64_t col = 0; col < dims; ++col) append_f32(bucket_value(row, col));
      }
      bucket_size = file.size() - bucket_offset;
    }

    // Each row's length, computed in double and rounded to f32 (the values are exact in f16).
    std::size_t norms_offset = 0;
    std::size_t norms_size = 0;
    if (version >= 5 && norms) {
      pad_to(64);
      norms_offset = file.size();
      for (std::uint64_t row = 0; row < rows(); ++row) {
        double square = 0;
        for (std::uint64_t col = 0; col < dims; ++col) square += double(value(row, col)) * value(row, col);
        append_f32(static_cast<float>(std::sqrt(square)));
      }
      norms_size = file.size() - norms_offset;
    }

    const char magic[4] = {'\x89', 'E', 'M', 'B'};
    for (int i = 0; i < 4; ++i) file[field::kMagic + i] = std::byte(static_cast<unsigned char>(magic[i]));
    put_u32(file, field::kVersion, version);
    put_u32(file, field::kDtype, dtype);
    put_u32(file, field::kAlignment, 64);
    put_u32(file, field::kReservedRows, 2);
    put_u64(file, field::kRows, rows());
    put_u64(file, field::kDims, dims);
    put_u64(file, field::kFileSize, file.size());
    put_u64(file, field::kMetadataOffset, metadata_offset);
    put_u64(file, field::kMetadataSize, metadata_size);
    put_u64(file, field::kVocabularyOffset, vocabulary_offset);
    put_u64(file, field::kVocabularySize, vocabulary_size);
    put_u64(file, field::kMatrixOffset, matrix_offset);
    put_u64(file, field::kMatrixSize, matrix_size);
    put_u64(file, field::kHashIndexOffset, index_offset);
    put_u64(file, field::kHashIndexSize, index_size);
    if (!head_kind.empty()) {
      put_u32(file, field::kHeadKindSize, static_cast<std::uint32_t>(head_kind.size()));
      put_u64(file, field::kHeadOffset, head_offset);
      put_u64(file, field::kHeadSize, head_size);
      put_u64(file, field::kHeadRows, head_rows);
      put_u64(file, field::kHeadDims, dims);
      for (std::size_t i = 0; i < head_kind.size(); ++i) {
        file[field::kHeadKind + i] = std::byte(static_cast<unsigned char>(head_kind[i]));
      }
    }
    if (!bucket_kind.empty()) {
      put_u32(file, field::kBucketKindSize, static_cast<std::uint32_t>(bucket_kind.size()));
      put_u64(file, field::kBucketOffset, bucket_offset);
      put_u64(file, field::kBucketSize, bucket_size);
      put_u64(file, field::kBucketRows, bucket_rows);
      put_u64(file, field::kBucketDims, dims);
      for (std::size_t i = 0; i < bucket_kind.size(); ++i) {
        file[field::kBucketKind + i] = std::byte(static_cast<unsigned char>(bucket_kind[i]));
      }
    }
    if (!labels.empty()) {
      put_u64(file, field::kLabelsOffset, labels_offset);
      put_u64(file, field::kLabelsSize, labels_size);
      put_u64(file, field::kLabelsCount, labels.size());
    }
    if (norms_size != 0) {
      put_u64(file, field::kNormsOffset, norms_offset);
      put_u64(file, field::kNormsSize, norms_size);
      put_u64(file, field::kNormsRows, rows());
    }
    reseal_all(file);
    return file;
  }
};

}  // namespace embedtool::storage_test
