#pragma once
// The fixed 128-byte header at the start of every .emb file (byte layout in docs/FORMAT.md).
// It says where every other section is, so it is validated completely before any of them is
// touched.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "embedtool/storage/dtype.h"
#include "embedtool/storage/emb_format.h"

namespace embedtool {

// A non-ASCII first byte (as PNG's 0x89) keeps text files and 7-bit-clean transfers from ever
// looking like a model; "EMB" makes the file recognizable in a hex dump.
inline constexpr std::array<std::byte, 4> kEmbMagic = {std::byte{0x89}, std::byte{'E'},
                                                       std::byte{'M'}, std::byte{'B'}};
inline constexpr std::size_t kEmbHeaderSize = 128;
inline constexpr std::uint32_t kEmbMatrixAlignment = 64;    // what the writer uses
inline constexpr std::uint64_t kEmbVocabularyAlignment = 8;  // the u64 tables can be mapped in place
inline constexpr std::uint32_t kEmbReservedRows = 2;         // <pad>, <unk>
inline constexpr std::uint64_t kEmbHashIndexAlignment = 8;   // u64 slots, mapped in place
inline constexpr std::uint64_t kEmbHashIndexSlotBytes = 8;

struct EmbSection {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
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

  bool has_hash_index() const { return hash_index.size != 0; }
  // Checked by decode_emb_header to be a known code.
  Dtype value_type() const { return static_cast<Dtype>(dtype); }
};

// The 128 header bytes, header checksum included.
std::array<std::byte, kEmbHeaderSize> encode_emb_header(const EmbHeader& header);

// Reads and validates the header of a whole file: magic, version, header checksum, the file size
// against file.size(), dtype, and that every section lies inside the file, in order, aligned,
// with the matrix size equal to rows x dims x the dtype's size. Reads only the first 128 bytes
// (so it is cheap on a mapped file). Throws Error naming `source_name`.
EmbHeader decode_emb_header(std::span<const std::byte> file, const std::string& source_name);

}  // namespace embedtool
