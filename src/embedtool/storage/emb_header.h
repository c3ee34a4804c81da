#pragma once
// The fixed header at the start of every .emb file: 128 bytes in versions 1 and 2, 192 in
// version 3, 288 in version 4, 320 in version 5 (byte layout in docs/FORMAT.md). It says where every other section is, so it is
// validated completely before any of them is touched.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "embedtool/storage/dtype.h"
#include "embedtool/storage/emb_format.h"

namespace embedtool {

// A non-ASCII first byte (as PNG's 0x89) keeps text files and 7-bit-clean transfers from ever
// looking like a model; "EMB" makes the file recognizable in a hex dump.
inline constexpr std::array<std::byte, 4> kEmbMagic = {std::byte{0x89}, std::byte{'E'},
                                                       std::byte{'M'}, std::byte{'B'}};
inline constexpr std::size_t kEmbHeaderSize = 128;     // versions 1 and 2
inline constexpr std::size_t kEmbHeaderSizeV3 = 192;   // version 3: 64 bytes of head fields added
inline constexpr std::size_t kEmbHeaderSizeV4 = 288;   // version 4: bucket rows and labels fields
inline constexpr std::size_t kEmbHeaderSizeV5 = 320;   // version 5: row norms fields
inline constexpr std::uint32_t kEmbMatrixAlignment = 64;    // what the writer uses
inline constexpr std::uint64_t kEmbVocabularyAlignment = 8;  // the u64 tables can be mapped in place
inline constexpr std::uint32_t kEmbReservedRows = 2;         // <pad>, <unk>
inline constexpr std::uint64_t kEmbHashIndexAlignment = 8;   // u64 slots, mapped in place
inline constexpr std::uint64_t kEmbHashIndexSlotBytes = 8;
inline constexpr std::uint64_t kEmbLabelsAlignment = 8;      // u64 tables, mapped in place
// The f32 rows of the head and of the bucket rows, mapped in place.
inline constexpr std::uint64_t kEmbRowsSectionAlignment = 64;
// The f32 row norms, mapped in place and read with 8-wide loads.
inline constexpr std::uint64_t kEmbNormsAlignment = 64;
inline constexpr std::size_t kEmbKindMaxBytes = 24;  // the header's fixed kind fields

struct EmbSection {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

// What the header says about an optional section of f32 rows named by a kind, after the matrix:
// the head (version 3) and the bucket rows (version 4). Each such section has a 64-byte block of
// header fields of the same layout. An empty kind means the file has no such section, and then
// every other field is 0.
struct EmbRowsFields {
  std::string kind;  // 1 to kEmbKindMaxBytes visible ASCII bytes, or empty
  std::uint64_t rows = 0;
  std::uint64_t dims = 0;  // equal to the header's dims
  EmbSection section;      // rows x dims f32, at a multiple of kEmbRowsSectionAlignment
  std::uint32_t crc32 = 0;

  bool present() const { return !kind.empty(); }
};

// How messages name a section of rows: "the head section", "the softmax head's weights have 2
// columns".
struct EmbRowsSectionNames {
  const char* section;  // "head"
  const char* values;   // "head's weights"
};
inline constexpr EmbRowsSectionNames kEmbHeadNames = {"head", "head's weights"};
inline constexpr EmbRowsSectionNames kEmbBucketNames = {"bucket", "bucket rows"};

// One rows section's header fields with the names its messages use.
struct EmbRowsSectionRef {
  const EmbRowsFields& fields;
  const EmbRowsSectionNames& names;
};

// Version 4: the optional labels section (emb_labels_section.h), between the hash index and the
// matrix. A count of 0 means the file has none, and then every other field is 0.
struct EmbLabelsFields {
  std::uint64_t count = 0;  // labels (classes)
  EmbSection section;       // at a multiple of kEmbLabelsAlignment
  std::uint32_t crc32 = 0;
};

// Version 5: the optional row norms section (emb_norms_section.h), last in the file: the length
// of each row of E, which cosine searches divide by. A row count of 0 means the file has none,
// and then every other field is 0.
struct EmbNormsFields {
  std::uint64_t rows = 0;  // = the header's rows when present
  EmbSection section;      // rows x f32, at a multiple of kEmbNormsAlignment
  std::uint32_t crc32 = 0;
};

struct EmbHeader {
  std::uint32_t version = kEmbFormatVersion;
  std::uint32_t dtype = static_cast<std::uint32_t>(Dtype::float32);
  std::uint32_t alignment = kEmbMatrixAlignment;
  std::uint32_t reserved_rows = kEmbReservedRows;
  std::uint64_t rows = 0;  // input_dim
  std::uint64_t dims = 0;  // output_dim
  std::uint64_t file_size = 0;
  EmbSection metadata;
  EmbSection vocabulary;
  EmbSection matrix;
  std::uint32_t metadata_crc32 = 0;
  std::uint32_t vocabulary_crc32 = 0;
  std::uint32_t matrix_crc32 = 0;
  // Version 2: the optional word -> row hash table, between the vocabulary and the matrix.
  // Size 0 (and offset and checksum 0) means the file has none; version 1 files never do.
  EmbSection hash_index;
  std::uint32_t hash_index_crc32 = 0;
  EmbRowsFields head;  // version 3
  EmbRowsFields buckets;   // version 4, after the head (or the matrix)
  EmbLabelsFields labels;  // version 4
  EmbNormsFields norms;    // version 5, after every other section

  bool has_hash_index() const { return hash_index.size != 0; }
  bool has_head() const { return head.present(); }
  bool has_buckets() const { return buckets.present(); }
  bool has_labels() const { return labels.count != 0; }
  bool has_norms() const { return norms.rows != 0; }
  // The head and the bucket rows, in file order, each present or not: for code that treats
  // every rows section alike.
  std::array<EmbRowsSectionRef, 2> rows_sections() const {
    return {{{head, kEmbHeadNames}, {buckets, kEmbBucketNames}}};
  }
  // Where the metadata section may start: emb_header_size(version).
  std::size_t size() const;
  // Checked by decode_emb_header to be a known code.
  Dtype value_type() const { return static_cast<Dtype>(dtype); }
};

// 128 bytes for versions 1 and 2, 192 for version 3, 288 for version 4, 320 for version 5. `version` is one this
// reader knows.
std::size_t emb_header_size(std::uint32_t version);

// The header bytes of header.version (emb_header_size of them), header checksum included. The
// head fields are written only from version 3 on, the bucket and labels fields from version 4,
// the norms fields from version 5.
std::vector<std::byte> encode_emb_header(const EmbHeader& header);

// Reads and validates the header of a whole file: magic, version, header checksum, the file size
// against file.size(), dtype, the head's and the bucket rows' kinds, and that every section lies
// inside the file, in order, aligned, with the matrix, head and bucket sizes equal to rows x dims
// x the value size. Reads
// only the header bytes (so it is cheap on a mapped file). Throws Error naming `source_name`.
EmbHeader decode_emb_header(std::span<const std::byte> file, const std::string& source_name);

}  // namespace embedtool
