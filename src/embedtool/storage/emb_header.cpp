#include "embedtool/storage/emb_header.h"

#include <algorithm>
#include <bit>
#include <limits>

#include "embedtool/errors.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_rows_section.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

// Byte positions of the header fields; docs/FORMAT.md has the same table.
constexpr std::size_t kMagicAt = 0;
constexpr std::size_t kVersionAt = 4;
constexpr std::size_t kHeaderCrcAt = 8;
constexpr std::size_t kDtypeAt = 12;
constexpr std::size_t kAlignmentAt = 16;
constexpr std::size_t kReservedRowsAt = 20;
constexpr std::size_t kRowsAt = 24;
constexpr std::size_t kDimsAt = 32;
constexpr std::size_t kFileSizeAt = 40;
constexpr std::size_t kMetadataOffsetAt = 48;
constexpr std::size_t kMetadataSizeAt = 56;
constexpr std::size_t kVocabularyOffsetAt = 64;
constexpr std::size_t kVocabularySizeAt = 72;
constexpr std::size_t kMatrixOffsetAt = 80;
constexpr std::size_t kMatrixSizeAt = 88;
constexpr std::size_t kMetadataCrcAt = 96;
constexpr std::size_t kVocabularyCrcAt = 100;
constexpr std::size_t kMatrixCrcAt = 104;
// Version 2 fields; in version 1 these 20 bytes were reserved and had to be zero.
constexpr std::size_t kHashIndexCrcAt = 108;
constexpr std::size_t kHashIndexOffsetAt = 112;
constexpr std::size_t kHashIndexSizeAt = 120;
constexpr std::size_t kVersion1ReservedAt = 108;
static_assert(kHashIndexSizeAt + 8 == kEmbHeaderSize);
// A block of fields locating a rows section (emb_rows_section.h), at the same positions
// relative to its start in each block.
constexpr std::size_t kRowsCrcAt = 0;
constexpr std::size_t kRowsKindSizeAt = 4;
constexpr std::size_t kRowsOffsetAt = 8;
constexpr std::size_t kRowsSizeAt = 16;
constexpr std::size_t kRowsRowsAt = 24;
constexpr std::size_t kRowsDimsAt = 32;
constexpr std::size_t kRowsKindAt = 40;  // kEmbKindMaxBytes bytes, zero after the kind
constexpr std::size_t kRowsBlockSize = kRowsKindAt + kEmbKindMaxBytes;
static_assert(kRowsBlockSize == 64);
// Version 3 fields, after the 128 bytes of version 2: the head section.
constexpr std::size_t kHeadBlockAt = 128;
static_assert(kHeadBlockAt + kRowsBlockSize == kEmbHeaderSizeV3);
// Version 4 fields, after the 192 bytes of version 3: the bucket section, then the labels section.
constexpr std::size_t kBucketBlockAt = 192;
constexpr std::size_t kLabelsCrcAt = 256;
constexpr std::size_t kLabelsReservedAt = 260;  // 4 bytes, zero: keeps the u64 fields aligned
constexpr std::size_t kLabelsOffsetAt = 264;
constexpr std::size_t kLabelsSizeAt = 272;
constexpr std::size_t kLabelsCountAt = 280;
static_assert(kBucketBlockAt + kRowsBlockSize == kLabelsCrcAt);
static_assert(kLabelsCountAt + 8 == kEmbHeaderSizeV4);
// Version 5 fields, after the 288 bytes of version 4: the row norms section, laid out as the
// labels' fields (a checksum, 4 reserved bytes that keep the u64 fields aligned, offset, size,
// and a count whose 0 means none).
constexpr std::size_t kNormsCrcAt = 288;
constexpr std::size_t kNormsReservedAt = 292;
constexpr std::size_t kNormsOffsetAt = 296;
constexpr std::size_t kNormsSizeAt = 304;
constexpr std::size_t kNormsRowsAt = 312;
static_assert(kNormsRowsAt + 8 == kEmbHeaderSizeV5);

constexpr std::uint32_t kOldestVersion = 1;
constexpr std::uint32_t kFirstVersionWithHead = 3;
constexpr std::uint32_t kFirstVersionWithLabels = 4;  // and bucket rows
constexpr std::uint32_t kFirstVersionWithNorms = 5;
// Enough for any dtype's values to be aligned when the file is mapped at a page boundary.
constexpr std::uint32_t kSmallestAlignment = 4;

// The checksum covers every header byte (128, 192, 288 or 320) with its own field read as zero.
std::uint32_t header_crc32(std::span<const std::byte> header_bytes) {
  std::array<std::byte, kEmbHeaderSizeV5> copy{};
  std::copy(header_bytes.begin(), header_bytes.end(), copy.begin());
  le::store_u32(copy.data() + kHeaderCrcAt, 0);
  return crc32_of(std::span(copy).first(header_bytes.size()));
}

void check_magic_and_version(std::span<const std::byte> file, const std::string& source) {
  if (file.empty()) throw Error(source + " is not an embedtool model (the file is empty)");
  if (file.size() < kEmbMagic.size()) {
    throw Error(source + " is not an embedtool model (it has " + decimal(file.size()) +
                " bytes, fewer than the 4-byte magic)");
  }
  if (!std::equal(kEmbMagic.begin(), kEmbMagic.end(), file.begin())) {
    throw Error(source + " is not an embedtool model (bad magic: expected " +
                hex_bytes(kEmbMagic) + ", found " + hex_bytes(file.first(kEmbMagic.size())) + ")");
  }
  if (file.size() < kVersionAt + 4) {
    throw Error(source + " is truncated: the header needs " + decimal(kEmbHeaderSize) +
                " bytes, file has " + decimal(file.size()));
  }
  // Before the header size: a later version may have a different header.
  std::uint32_t version = le::load_u32(file.data() + kVersionAt);
  if (version > kEmbFormatVersion) {
    throw Error(source + " was written by format version " + decimal(version) +
                "; this embedtool reads up to version " + decimal(kEmbFormatVersion));
  }
  if (version < kOldestVersion) {
    throw Error(source + " has format version " + decimal(version) +
                ", which does not exist (expected " + decimal(kOldestVersion) + " to " +
                decimal(kEmbFormatVersion) + ")");
  }
  if (file.size() < emb_header_size(version)) {
    throw Error(source + " is truncated: the header needs " + decimal(emb_header_size(version)) +
                " bytes, file has " + decimal(file.size()));
  }
}

// check_kind_field has made sure the kind fits its field.
EmbRowsFields read_rows_fields(const std::byte* block) {
  EmbRowsFields fields;
  fields.kind.assign(reinterpret_cast<const char*>(block + kRowsKindAt),
                     le::load_u32(block + kRowsKindSizeAt));
  fields.rows = le::load_u64(block + kRowsRowsAt);
  fields.dims = le::load_u64(block + kRowsDimsAt);
  fields.section = {le::load_u64(block + kRowsOffsetAt), le::load_u64(block + kRowsSizeAt)};
  fields.crc32 = le::load_u32(block + kRowsCrcAt);
  return fields;
}

void write_rows_fields(std::byte* block, const EmbRowsFields& fields, const EmbRowsSectionNames& names) {
  le::store_u32(block + kRowsCrcAt, fields.crc32);
  le::store_u32(block + kRowsKindSizeAt, static_cast<std::uint32_t>(fields.kind.size()));
  le::store_u64(block + kRowsOffsetAt, fields.section.offset);
  le::store_u64(block + kRowsSizeAt, fields.section.size);
  le::store_u64(block + kRowsRowsAt, fields.rows);
  le::store_u64(block + kRowsDimsAt, fields.dims);
  // The writer has checked the kind (check_rows_savable); this keeps a caller that did not from
  // writing past the field.
  if (fields.kind.size() > kEmbKindMaxBytes) {
    throw Error(std::string("the ") + names.section + " kind " + embedtool::quoted(fields.kind) +
                " " + rows_kind_problem(fields.kind));
  }
  std::transform(fields.kind.begin(), fields.kind.end(), block + kRowsKindAt,
                 [](char c) { return std::byte(static_cast<unsigned char>(c)); });
}

EmbHeader read_fields(const std::byte* h) {
  EmbHeader header;
  header.version = le::load_u32(h + kVersionAt);
  header.dtype = le::load_u32(h + kDtypeAt);
  header.alignment = le::load_u32(h + kAlignmentAt);
  header.reserved_rows = le::load_u32(h + kReservedRowsAt);
  header.rows = le::load_u64(h + kRowsAt);
  header.dims = le::load_u64(h + kDimsAt);
  header.file_size = le::load_u64(h + kFileSizeAt);
  header.metadata = {le::load_u64(h + kMetadataOffsetAt), le::load_u64(h + kMetadataSizeAt)};
  header.vocabulary = {le::load_u64(h + kVocabularyOffsetAt), le::load_u64(h + kVocabularySizeAt)};
  header.matrix = {le::load_u64(h + kMatrixOffsetAt), le::load_u64(h + kMatrixSizeAt)};
  header.metadata_crc32 = le::load_u32(h + kMetadataCrcAt);
  header.vocabulary_crc32 = le::load_u32(h + kVocabularyCrcAt);
  header.matrix_crc32 = le::load_u32(h + kMatrixCrcAt);
  header.hash_index_crc32 = le::load_u32(h + kHashIndexCrcAt);
  header.hash_index = {le::load_u64(h + kHashIndexOffsetAt), le::load_u64(h + kHashIndexSizeAt)};
  if (header.version >= kFirstVersionWithHead) header.head = read_rows_fields(h + kHeadBlockAt);
  if (header.version < kFirstVersionWithLabels) return header;
  header.buckets = read_rows_fields(h + kBucketBlockAt);
  header.labels.crc32 = le::load_u32(h + kLabelsCrcAt);
  header.labels.section = {le::load_u64(h + kLabelsOffsetAt), le::load_u64(h + kLabelsSizeAt)};
  header.labels.count = le::load_u64(h + kLabelsCountAt);
  if (header.version < kFirstVersionWithNorms) return header;
  header.norms.crc32 = le::load_u32(h + kNormsCrcAt);
  header.norms.section = {le::load_u64(h + kNormsOffsetAt), le::load_u64(h + kNormsSizeAt)};
  header.norms.rows = le::load_u64(h + kNormsRowsAt);
  return header;
}

// Reserved bytes are zero, so that a later version can give them a meaning.
void check_reserved_bytes(std::span<const std::byte> file, std::size_t from, std::size_t to,
                          std::uint32_t version, const std::string& source) {
  for (std::size_t i = from; i < to; ++i) {
    if (file[i] != std::byte{0}) {
      throw Error(source + ": reserved header byte " + decimal(i) + " is " +
                  hex_bytes(file.subspan(i, 1)) + ", expected 00 in format version " + decimal(version));
    }
  }
}

void check_header_checksum(std::span<const std::byte> file, const std::string& source) {
  std::uint32_t stored = le::load_u32(file.data() + kHeaderCrcAt);
  std::uint32_t computed =
      header_crc32(file.first(emb_header_size(le::load_u32(file.data() + kVersionAt))));
  if (stored != computed) {
    throw Error(source + " has a corrupt header (checksum mismatch: header says " + hex32(stored) +
                ", computed " + hex32(computed) + ")");
  }
  // Version 1 reserves its last 20 bytes (version 2 keeps the hash index fields there), version
  // 4 four bytes among the labels fields.
  const std::uint32_t version = le::load_u32(file.data() + kVersionAt);
  if (version == kOldestVersion) check_reserved_bytes(file, kVersion1ReservedAt, kEmbHeaderSize, version, source);
  if (version >= kFirstVersionWithLabels) {
    check_reserved_bytes(file, kLabelsReservedAt, kLabelsOffsetAt, version, source);
  }
  if (version >= kFirstVersionWithNorms) {
    check_reserved_bytes(file, kNormsReservedAt, kNormsOffsetAt, version, source);
  }
}

// The kind is kind_size bytes of the fixed field, the rest of the field zero (so that a section
// has one encoding), and visible ASCII. Checked before read_fields copies it out.
void check_kind_field(std::span<const std::byte> file, std::size_t block_at,
                      const EmbRowsSectionNames& names, const std::string& source) {
  const std::size_t kind_at = block_at + kRowsKindAt;
  const std::uint32_t kind_size = le::load_u32(file.data() + block_at + kRowsKindSizeAt);
  if (kind_size > kEmbKindMaxBytes) {
    throw Error(source + ": the " + names.section + " kind has " + decimal(kind_size) +
                " bytes, expected at most " + decimal(kEmbKindMaxBytes));
  }
  for (std::size_t i = kind_at + kind_size; i < kind_at + kEmbKindMaxBytes; ++i) {
    if (file[i] != std::byte{0}) {
      throw Error(source + ": header byte " + decimal(i) + ", after the " + decimal(kind_size) +
                  "-byte " + names.section + " kind, is " + hex_bytes(file.subspan(i, 1)) +
                  ", expected 00");
    }
  }
  if (kind_size == 0) return;  // no section: check_rows_fields wants the rest zero too
  const std::string_view kind(reinterpret_cast<const char*>(file.data() + kind_at), kind_size);
  const std::string problem = rows_kind_problem(kind);
  if (!problem.empty()) {
    // Qualified: std::quoted, found through the argument's type, would be a better match.
    throw Error(source + ": the " + names.section + " kind " + embedtool::quoted(kind) + " " + problem);
  }
}

void check_kind_fields(std::span<const std::byte> file, const std::string& source) {
  const std::uint32_t version = le::load_u32(file.data() + kVersionAt);
  if (version >= kFirstVersionWithHead) check_kind_field(file, kHeadBlockAt, kEmbHeadNames, source);
  if (version >= kFirstVersionWithLabels) check_kind_field(file, kBucketBlockAt, kEmbBucketNames, source);
}

void check_file_size(const EmbHeader& header, std::uint64_t real_size, const std::string& source) {
  if (header.file_size > real_size) {
    throw Error(source + " is truncated: header says " + decimal(header.file_size) + " bytes, file has " +
                decimal(real_size));
  }
  if (header.file_size < real_size) {
    throw Error(source + " has trailing data: header says " + decimal(header.file_size) +
                " bytes, file has " + decimal(real_size));
  }
}

void check_scalar_fields(const EmbHeader& header, const std::string& source) {
  if (header.dtype != static_cast<std::uint32_t>(Dtype::float32) &&
      header.dtype != static_cast<std::uint32_t>(Dtype::float16)) {
    throw Error(source + ": unknown dtype code " + decimal(header.dtype) +
                " (expected 0 = float32 or 1 = float16)");
  }
  if (header.alignment < kSmallestAlignment || !std::has_single_bit(header.alignment)) {
    throw Error(source + ": matrix alignment is " + decimal(header.alignment) +
                ", expected a power of two of at least 4 (the writer uses 64)");
  }
  if (header.reserved_rows != kEmbReservedRows) {
    throw Error(source + ": reserved-row count is " + decimal(header.reserved_rows) + ", expected " +
                decimal(kEmbReservedRows) + " (<pad> and <unk>)");
  }
  if (header.rows < kEmbReservedRows) {
    throw Error(source + ": header says " + decimal(header.rows) + " rows, expected at least " +
                decimal(kEmbReservedRows) + " (the reserved rows <pad> and <unk>)");
  }
}

void check_section_inside(const EmbSection& section, const char* name, std::uint64_t file_size,
                          const std::string& source) {
  if (!range_fits(section.offset, section.size, file_size)) {
    throw Error(source + ": the " + name + " section (offset " + decimal(section.offset) + ", size " +
                decimal(section.size) + ") runs past the end of the file (" + decimal(file_size) + " bytes)");
  }
}

// Absent is all zeros.
void check_absent_hash_index(const EmbHeader& header, const std::string& source) {
  if (header.has_hash_index()) return;
  if (header.hash_index.offset != 0 || header.hash_index_crc32 != 0) {
    throw Error(source + ": the hash index section has size 0 (no index) but offset " +
                decimal(header.hash_index.offset) + " and checksum " +
                hex32(header.hash_index_crc32) + ", expected both 0");
  }
}

void check_absent_rows(const EmbRowsSectionRef& rows, const std::string& source) {
  const EmbRowsFields& fields = rows.fields;
  const EmbRowsSectionNames& names = rows.names;
  if (fields.present()) return;
  if (fields.section.offset != 0 || fields.section.size != 0 || fields.rows != 0 ||
      fields.dims != 0 || fields.crc32 != 0) {
    throw Error(source + ": the " + names.section + " kind is empty (no " + names.section +
                ") but the " + names.section + " section has offset " +
                decimal(fields.section.offset) + ", size " + decimal(fields.section.size) +
                ", rows " + decimal(fields.rows) + ", dims " + decimal(fields.dims) +
                " and checksum " + hex32(fields.crc32) + ", expected all 0");
  }
}

void check_absent_labels(const EmbHeader& header, const std::string& source) {
  if (header.has_labels()) return;
  const EmbLabelsFields& labels = header.labels;
  if (labels.section.offset != 0 || labels.section.size != 0 || labels.crc32 != 0) {
    throw Error(source + ": the labels count is 0 (no labels) but the labels section has offset " +
                decimal(labels.section.offset) + ", size " + decimal(labels.section.size) +
                " and checksum " + hex32(labels.crc32) + ", expected all 0");
  }
}

void check_absent_norms(const EmbHeader& header, const std::string& source) {
  if (header.has_norms()) return;
  const EmbNormsFields& norms = header.norms;
  if (norms.section.offset != 0 || norms.section.size != 0 || norms.crc32 != 0) {
    throw Error(source + ": the norms row count is 0 (no row norms) but the norms section has offset " +
                decimal(norms.section.offset) + ", size " + decimal(norms.section.size) +
                " and checksum " + hex32(norms.crc32) + ", expected all 0");
  }
}

// The matrix and the rows sections hold rows x dims values of `value_bytes` each, no more and no
// less; the product is computed without overflow. `owner` ("" or "the head has ") says whose
// shape it is.
void check_values_size(const EmbSection& section, const std::string& name, const std::string& owner,
                       std::uint64_t rows, std::uint64_t dims, std::uint64_t value_bytes,
                       const std::string& source) {
  auto cells = checked_mul(rows, dims);
  auto bytes = cells ? checked_mul(*cells, value_bytes) : std::nullopt;
  if (!bytes) {
    throw Error(source + ": header says " + owner + decimal(rows) + " rows x " + decimal(dims) +
                " dims, whose size in bytes overflows 64 bits");
  }
  if (*bytes != section.size) {
    throw Error(source + ": the " + name + " section has " + decimal(section.size) +
                " bytes, expected rows x dims x " + decimal(value_bytes) + " = " + decimal(rows) +
                " x " + decimal(dims) + " x " + decimal(value_bytes) + " = " + decimal(*bytes));
  }
}

// A present rows section is as wide as the matrix and exactly rows x dims f32 values.
void check_rows_shape(const EmbHeader& header, const EmbRowsSectionRef& rows,
                      const std::string& source) {
  const EmbRowsFields& fields = rows.fields;
  const EmbRowsSectionNames& names = rows.names;
  if (!fields.present()) return;
  if (fields.dims != header.dims) {
    throw Error(source + ": the " + fields.kind + " " + names.section + " has " + decimal(fields.dims) +
                " dims, expected the matrix's " + decimal(header.dims) + " (output_dim)");
  }
  check_values_size(fields.section, names.section, std::string("the ") + names.section + " has ",
                    fields.rows, fields.dims, bytes_per_value(Dtype::float32), source);
}

// A section the file has, with what its place must satisfy.
struct PlacedSection {
  const char* name;
  EmbSection section;
  std::uint64_t alignment;
  const char* alignment_name = "";  // "the alignment " when it is the header's field
};

// The sections the file has, in the order they must follow each other (docs/FORMAT.md).
std::vector<PlacedSection> sections_in_file_order(const EmbHeader& header) {
  std::vector<PlacedSection> sections = {{"metadata", header.metadata, 1},
                                         {"vocabulary", header.vocabulary, kEmbVocabularyAlignment}};
  if (header.has_hash_index()) {
    sections.push_back({"hash index", header.hash_index, kEmbHashIndexAlignment});
  }
  if (header.has_labels()) sections.push_back({"labels", header.labels.section, kEmbLabelsAlignment});
  sections.push_back({"matrix", header.matrix, header.alignment, "the alignment "});
  for (const EmbRowsSectionRef& rows : header.rows_sections()) {
    if (rows.fields.present()) {
      sections.push_back({rows.names.section, rows.fields.section, kEmbRowsSectionAlignment});
    }
  }
  if (header.has_norms()) sections.push_back({"norms", header.norms.section, kEmbNormsAlignment});
  return sections;
}

// Every section lies inside the file, they come in a fixed order without overlapping (so each
// byte has one meaning), each starts aligned, and each has the size its shape gives.
void check_sections(const EmbHeader& header, const std::string& source) {
  check_absent_hash_index(header, source);
  for (const EmbRowsSectionRef& rows : header.rows_sections()) check_absent_rows(rows, source);
  check_absent_labels(header, source);
  check_absent_norms(header, source);
  const std::vector<PlacedSection> sections = sections_in_file_order(header);
  for (const PlacedSection& placed : sections) {
    check_section_inside(placed.section, placed.name, header.file_size, source);
  }
  // Inside the file, so these ends cannot overflow.
  std::uint64_t previous_end = header.size();
  std::string previous_name = "header";
  for (const PlacedSection& placed : sections) {
    const EmbSection& section = placed.section;
    if (section.offset < previous_end) {
      throw Error(source + ": the " + placed.name + " section starts at byte " +
                  decimal(section.offset) + ", before the end of the " + previous_name +
                  " at byte " + decimal(previous_end) +
                  " (sections must follow in order without overlapping)");
    }
    if (section.offset % placed.alignment != 0) {
      throw Error(source + ": the " + placed.name + " section starts at byte " +
                  decimal(section.offset) + ", expected a multiple of " + placed.alignment_name +
                  decimal(placed.alignment));
    }
    previous_end = section.offset + section.size;
    previous_name = std::string(placed.name) + " section";
  }
  const EmbSection& index = header.hash_index;
  if (header.has_hash_index() && (index.size % kEmbHashIndexSlotBytes != 0 ||
                                  !std::has_single_bit(index.size / kEmbHashIndexSlotBytes))) {
    throw Error(source + ": the hash index section has " + decimal(index.size) +
                " bytes, expected a power of two number of 8-byte slots");
  }
  check_values_size(header.matrix, "matrix", "", header.rows, header.dims,
                    bytes_per_value(header.value_type()), source);
  for (const EmbRowsSectionRef& rows : header.rows_sections()) check_rows_shape(header, rows, source);
  if (header.has_norms()) {
    // One length per row of E, each an f32.
    if (header.norms.rows != header.rows) {
      throw Error(source + ": the norms section has " + decimal(header.norms.rows) +
                  " rows, expected the matrix's " + decimal(header.rows));
    }
    check_values_size(header.norms.section, "norms", "the norms have ", header.norms.rows, 1,
                      bytes_per_value(Dtype::float32), source);
  }
}

}  // namespace

std::size_t emb_header_size(std::uint32_t version) {
  if (version >= kFirstVersionWithNorms) return kEmbHeaderSizeV5;
  if (version >= kFirstVersionWithLabels) return kEmbHeaderSizeV4;
  return version >= kFirstVersionWithHead ? kEmbHeaderSizeV3 : kEmbHeaderSize;
}

std::size_t EmbHeader::size() const { return emb_header_size(version); }

std::vector<std::byte> encode_emb_header(const EmbHeader& header) {
  std::vector<std::byte> bytes(header.size());  // reserved bytes and the kind's padding stay zero
  std::byte* h = bytes.data();
  std::copy(kEmbMagic.begin(), kEmbMagic.end(), h + kMagicAt);
  le::store_u32(h + kVersionAt, header.version);
  le::store_u32(h + kDtypeAt, header.dtype);
  le::store_u32(h + kAlignmentAt, header.alignment);
  le::store_u32(h + kReservedRowsAt, header.reserved_rows);
  le::store_u64(h + kRowsAt, header.rows);
  le::store_u64(h + kDimsAt, header.dims);
  le::store_u64(h + kFileSizeAt, header.file_size);
  le::store_u64(h + kMetadataOffsetAt, header.metadata.offset);
  le::store_u64(h + kMetadataSizeAt, header.metadata.size);
  le::store_u64(h + kVocabularyOffsetAt, header.vocabulary.offset);
  le::store_u64(h + kVocabularySizeAt, header.vocabulary.size);
  le::store_u64(h + kMatrixOffsetAt, header.matrix.offset);
  le::store_u64(h + kMatrixSizeAt, header.matrix.size);
  le::store_u32(h + kMetadataCrcAt, header.metadata_crc32);
  le::store_u32(h + kVocabularyCrcAt, header.vocabulary_crc32);
  le::store_u32(h + kMatrixCrcAt, header.matrix_crc32);
  le::store_u32(h + kHashIndexCrcAt, header.hash_index_crc32);
  le::store_u64(h + kHashIndexOffsetAt, header.hash_index.offset);
  le::store_u64(h + kHashIndexSizeAt, header.hash_index.size);
  if (header.version >= kFirstVersionWithHead) write_rows_fields(h + kHeadBlockAt, header.head, kEmbHeadNames);
  if (header.version >= kFirstVersionWithLabels) {
    write_rows_fields(h + kBucketBlockAt, header.buckets, kEmbBucketNames);
    le::store_u32(h + kLabelsCrcAt, header.labels.crc32);
    le::store_u64(h + kLabelsOffsetAt, header.labels.section.offset);
    le::store_u64(h + kLabelsSizeAt, header.labels.section.size);
    le::store_u64(h + kLabelsCountAt, header.labels.count);
  }
  if (header.version >= kFirstVersionWithNorms) {
    le::store_u32(h + kNormsCrcAt, header.norms.crc32);
    le::store_u64(h + kNormsOffsetAt, header.norms.section.offset);
    le::store_u64(h + kNormsSizeAt, header.norms.section.size);
    le::store_u64(h + kNormsRowsAt, header.norms.rows);
  }
  le::store_u32(h + kHeaderCrcAt, header_crc32(bytes));
  return bytes;
}

EmbHeader decode_emb_header(std::span<const std::byte> file, const std::string& source_name) {
  check_magic_and_version(file, source_name);
  // The checksum first: a flipped bit should read as corruption, not as some odd size below.
  check_header_checksum(file, source_name);
  check_kind_fields(file, source_name);
  EmbHeader header = read_fields(file.data());
  check_file_size(header, file.size(), source_name);
  check_scalar_fields(header, source_name);
  check_sections(header, source_name);
  return header;
}

}  // namespace embedtool
