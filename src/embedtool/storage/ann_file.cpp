#include "embedtool/storage/ann_file.h"

#include <algorithm>
#include <optional>

#include "embedtool/errors.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/dtype.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {
namespace {

namespace le = little_endian;

// Byte positions of the header fields; docs/FORMAT.md has the same table.
constexpr std::size_t kAnnVersionAt = 8;
constexpr std::size_t kAnnHeaderCrcAt = 12;
constexpr std::size_t kAnnFileSizeAt = 16;
constexpr std::size_t kAnnRowsAt = 24;
constexpr std::size_t kAnnDimsAt = 32;
constexpr std::size_t kAnnDtypeAt = 40;
constexpr std::size_t kAnnMatrixCrcAt = 44;
constexpr std::size_t kAnnNormsCrcAt = 48;
constexpr std::size_t kAnnLinksAt = 52;
constexpr std::size_t kAnnLinks0At = 56;
constexpr std::size_t kAnnEfConstructionAt = 60;
constexpr std::size_t kAnnEfSearchAt = 64;
constexpr std::size_t kAnnTopLevelAt = 68;
constexpr std::size_t kAnnEntryPointAt = 72;
constexpr std::size_t kAnnNodesAt = 80;
constexpr std::size_t kAnnLevel0At = 88;       // u64 offset, u64 size
constexpr std::size_t kAnnUpperIndexAt = 104;  // u64 offset, u64 size
constexpr std::size_t kAnnUpperListsAt = 120;  // u64 offset, u64 size
constexpr std::size_t kAnnLevel0CrcAt = 136;
constexpr std::size_t kAnnUpperIndexCrcAt = 140;
constexpr std::size_t kAnnUpperListsCrcAt = 144;
constexpr std::size_t kAnnReservedAt = 148;  // 12 bytes, zero
static_assert(kAnnReservedAt + 12 == kAnnHeaderSize);

// The first row that can be a node: rows 0 and 1 are <pad> and <unk>, never answers.
constexpr std::uint64_t kAnnFirstNodeRow = kEmbReservedRows;

std::uint32_t ann_header_crc32(std::span<const std::byte> header_bytes) {
  std::array<std::byte, kAnnHeaderSize> copy{};
  std::copy(header_bytes.begin(), header_bytes.begin() + kAnnHeaderSize, copy.begin());
  le::store_u32(copy.data() + kAnnHeaderCrcAt, 0);
  return crc32_of(copy);
}

void store_section(std::byte* at, const EmbSection& section) {
  le::store_u64(at, section.offset);
  le::store_u64(at + 8, section.size);
}

EmbSection load_section(const std::byte* at) { return {le::load_u64(at), le::load_u64(at + 8)}; }

void store_values(std::vector<std::byte>& bytes, const EmbSection& section,
                  const std::vector<std::uint32_t>& values) {
  std::byte* out = bytes.data() + section.offset;
  for (std::uint32_t value : values) {
    le::store_u32(out, value);
    out += 4;
  }
}

void check_ann_magic_and_version(std::span<const std::byte> file, const std::string& source) {
  if (file.empty()) throw Error(source + " is not an embedtool ANN index (the file is empty)");
  if (file.size() < kAnnMagic.size() ||
      !std::equal(kAnnMagic.begin(), kAnnMagic.end(), file.begin())) {
    const auto found = file.first(std::min(file.size(), kAnnMagic.size()));
    throw Error(source + " is not an embedtool ANN index (bad magic: expected " + hex_bytes(kAnnMagic) +
                ", found " + hex_bytes(found) + ")");
  }
  if (file.size() < kAnnVersionAt + 4) {
    throw Error(source + " is truncated: the header needs " + decimal(kAnnHeaderSize) +
                " bytes, file has " + decimal(file.size()));
  }
  const std::uint32_t version = le::load_u32(file.data() + kAnnVersionAt);
  if (version > kAnnFormatVersion) {
    throw Error(source + " was written by ANN index format version " + decimal(version) +
                "; this embedtool reads version " + decimal(kAnnFormatVersion) +
                " (rebuild it: embedtool index --ann MODEL.emb)");
  }
  if (version == 0) {
    throw Error(source + " has ANN index format version 0, which does not exist (expected " +
                decimal(kAnnFormatVersion) + ")");
  }
  if (file.size() < kAnnHeaderSize) {
    throw Error(source + " is truncated: the header needs " + decimal(kAnnHeaderSize) +
                " bytes, file has " + decimal(file.size()));
  }
  const std::uint32_t stored = le::load_u32(file.data() + kAnnHeaderCrcAt);
  const std::uint32_t computed = ann_header_crc32(file);
  if (stored != computed) {
    throw Error(source + " has a corrupt header (checksum mismatch: header says " + hex32(stored) +
                ", computed " + hex32(computed) + ")");
  }
  for (std::size_t i = kAnnReservedAt; i < kAnnHeaderSize; ++i) {
    if (file[i] != std::byte{0}) {
      throw Error(source + ": reserved header byte " + decimal(i) + " is " + hex_bytes(file.subspan(i, 1)) +
                  ", expected 00");
    }
  }
}

AnnFileHeader read_ann_fields(const std::byte* h) {
  AnnFileHeader header;
  header.version = le::load_u32(h + kAnnVersionAt);
  header.file_size = le::load_u64(h + kAnnFileSizeAt);
  header.model.rows = le::load_u64(h + kAnnRowsAt);
  header.model.dims = le::load_u64(h + kAnnDimsAt);
  header.model.dtype = le::load_u32(h + kAnnDtypeAt);
  header.model.matrix_crc32 = le::load_u32(h + kAnnMatrixCrcAt);
  header.model.norms_crc32 = le::load_u32(h + kAnnNormsCrcAt);
  header.parameters.links = le::load_u32(h + kAnnLinksAt);
  header.parameters.links0 = le::load_u32(h + kAnnLinks0At);
  header.parameters.ef_construction = le::load_u32(h + kAnnEfConstructionAt);
  header.parameters.ef_search = le::load_u32(h + kAnnEfSearchAt);
  header.top_level = le::load_u32(h + kAnnTopLevelAt);
  header.entry_point = le::load_u64(h + kAnnEntryPointAt);
  header.nodes = le::load_u64(h + kAnnNodesAt);
  header.level0 = load_section(h + kAnnLevel0At);
  header.upper_index = load_section(h + kAnnUpperIndexAt);
  header.upper_lists = load_section(h + kAnnUpperListsAt);
  header.level0_crc32 = le::load_u32(h + kAnnLevel0CrcAt);
  header.upper_index_crc32 = le::load_u32(h + kAnnUpperIndexCrcAt);
  header.upper_lists_crc32 = le::load_u32(h + kAnnUpperListsCrcAt);
  return header;
}

void check_ann_file_size(const AnnFileHeader& header, std::uint64_t real_size, const std::string& source) {
  if (header.file_size > real_size) {
    throw Error(source + " is truncated: header says " + decimal(header.file_size) +
                " bytes, file has " + decimal(real_size));
  }
  if (header.file_size < real_size) {
    throw Error(source + " has trailing data: header says " + decimal(header.file_size) +
                " bytes, file has " + decimal(real_size));
  }
}

void check_links(std::uint32_t links, const char* name, const std::string& source) {
  if (links == 0 || links > kAnnMaxLinks) {
    throw Error(source + ": header says " + name + " " + decimal(links) + ", expected 1 to " +
                decimal(kAnnMaxLinks));
  }
}

// The numbers every reader relies on before following anything.
void check_ann_scalars(const AnnFileHeader& header, const std::string& source) {
  const AnnModelIdentity& model = header.model;
  if (model.dtype != static_cast<std::uint32_t>(Dtype::float32) &&
      model.dtype != static_cast<std::uint32_t>(Dtype::float16)) {
    throw Error(source + ": unknown dtype code " + decimal(model.dtype) +
                " (expected 0 = float32 or 1 = float16)");
  }
  // Rows are named by u32 in the links.
  if (model.rows < kAnnFirstNodeRow || model.rows > (std::uint64_t{1} << 32)) {
    throw Error(source + ": header says " + decimal(model.rows) + " rows, expected 2 to 2^32");
  }
  check_links(header.parameters.links, "links (M)", source);
  check_links(header.parameters.links0, "level-0 links", source);
  if (header.parameters.ef_search == 0) throw Error(source + ": header says ef_search 0, expected at least 1");
  if (header.top_level > kAnnMaxLevel) {
    throw Error(source + ": header says top level " + decimal(header.top_level) + ", expected at most " +
                decimal(kAnnMaxLevel));
  }
  if (header.nodes > model.rows - kAnnFirstNodeRow) {
    throw Error(source + ": header says " + decimal(header.nodes) + " nodes, more than the " +
                decimal(model.rows - kAnnFirstNodeRow) + " word rows");
  }
  if (header.nodes == 0) {
    if (header.entry_point != 0 || header.top_level != 0) {
      throw Error(source + ": header says 0 nodes but entry point " + decimal(header.entry_point) +
                  " and top level " + decimal(header.top_level) + ", expected both 0");
    }
  } else if (header.entry_point < kAnnFirstNodeRow || header.entry_point >= model.rows) {
    throw Error(source + ": the entry point is row " + decimal(header.entry_point) + ", expected 2 to " +
                decimal(model.rows - 1));
  }
}

struct AnnPlacedSection {
  const char* name;
  EmbSection section;
  bool fixed_size;                             // false: any size (checked after)
  std::optional<std::uint64_t> expected_size;  // for a fixed size; nullopt if it overflows
};

void check_ann_sections(const AnnFileHeader& header, const std::string& source) {
  const std::uint64_t rows = header.model.rows;
  const auto record = checked_mul(std::uint64_t{1} + header.parameters.links0, 4);
  const AnnPlacedSection sections[] = {
      {"level-0 links", header.level0, true, record ? checked_mul(rows, *record) : std::nullopt},
      {"upper index", header.upper_index, true, checked_mul(rows, 4)},
      {"upper links", header.upper_lists, false, std::nullopt}};
  std::uint64_t previous_end = kAnnHeaderSize;
  std::string previous_name = "header";
  for (const AnnPlacedSection& placed : sections) {
    const EmbSection& section = placed.section;
    if (placed.fixed_size && !placed.expected_size) {
      throw Error(source + ": the size of the " + placed.name + " section overflows 64 bits");
    }
    if (placed.fixed_size && section.size != *placed.expected_size) {
      throw Error(source + ": the " + placed.name + " section has " + decimal(section.size) +
                  " bytes, expected " + decimal(*placed.expected_size) + " for " + decimal(rows) + " rows");
    }
    if (!range_fits(section.offset, section.size, header.file_size)) {
      throw Error(source + ": the " + placed.name + " section (offset " + decimal(section.offset) +
                  ", size " + decimal(section.size) + ") runs past the end of the file (" +
                  decimal(header.file_size) + " bytes)");
    }
    if (section.offset < previous_end) {
      throw Error(source + ": the " + placed.name + " section starts at byte " + decimal(section.offset) +
                  ", before the end of the " + previous_name + " at byte " + decimal(previous_end) +
                  " (sections must follow in order without overlapping)");
    }
    if (section.offset % kAnnSectionAlignment != 0) {
      throw Error(source + ": the " + placed.name + " section starts at byte " + decimal(section.offset) +
                  ", expected a multiple of " + decimal(kAnnSectionAlignment));
    }
    previous_end = section.offset + section.size;
    previous_name = std::string(placed.name) + " section";
  }
  // Positions in it are u32, and kAnnNoUpperLevels is not one.
  if (header.upper_lists.size % 4 != 0 || header.upper_lists.size / 4 >= kAnnNoUpperLevels) {
    throw Error(source + ": the upper links section has " + decimal(header.upper_lists.size) +
                " bytes, expected a multiple of 4 below 2^34");
  }
}

}  // namespace

std::string ann_index_path(const std::string& model_path) { return model_path + ".ann"; }

AnnModelIdentity ann_identity_of(const EmbHeader& model) {
  return {model.rows, model.dims, model.dtype, model.matrix_crc32, model.norms.crc32};
}

std::vector<std::byte> encode_ann_file(const AnnGraph& graph) {
  const std::uint64_t rows = graph.model.rows;
  if (graph.level0.size() != rows * (std::uint64_t{1} + graph.parameters.links0) ||
      graph.upper_index.size() != rows || graph.upper_lists.size() >= kAnnNoUpperLevels) {
    throw Error("the ANN graph's tables do not match its " + decimal(rows) + " rows and " +
                decimal(graph.parameters.links0) + " level-0 links (or its upper levels exceed 2^32 values)");
  }
  AnnFileHeader header;
  header.model = graph.model;
  header.parameters = graph.parameters;
  header.top_level = graph.top_level;
  header.entry_point = graph.entry_point;
  header.nodes = graph.nodes;
  header.level0 = {align_up(kAnnHeaderSize, kAnnSectionAlignment), 4 * graph.level0.size()};
  header.upper_index = {align_up(header.level0.offset + header.level0.size, kAnnSectionAlignment),
                        4 * graph.upper_index.size()};
  header.upper_lists = {align_up(header.upper_index.offset + header.upper_index.size, kAnnSectionAlignment),
                        4 * graph.upper_lists.size()};
  header.file_size = header.upper_lists.offset + header.upper_lists.size;

  std::vector<std::byte> bytes(header.file_size);
  store_values(bytes, header.level0, graph.level0);
  store_values(bytes, header.upper_index, graph.upper_index);
  store_values(bytes, header.upper_lists, graph.upper_lists);
  const auto crc_of = [&bytes](const EmbSection& section) {
    return crc32_of(std::span(bytes).subspan(section.offset, section.size));
  };
  std::byte* h = bytes.data();
  std::copy(kAnnMagic.begin(), kAnnMagic.end(), h);
  le::store_u32(h + kAnnVersionAt, kAnnFormatVersion);
  le::store_u64(h + kAnnFileSizeAt, header.file_size);
  le::store_u64(h + kAnnRowsAt, graph.model.rows);
  le::store_u64(h + kAnnDimsAt, graph.model.dims);
  le::store_u32(h + kAnnDtypeAt, graph.model.dtype);
  le::store_u32(h + kAnnMatrixCrcAt, graph.model.matrix_crc32);
  le::store_u32(h + kAnnNormsCrcAt, graph.model.norms_crc32);
  le::store_u32(h + kAnnLinksAt, graph.parameters.links);
  le::store_u32(h + kAnnLinks0At, graph.parameters.links0);
  le::store_u32(h + kAnnEfConstructionAt, graph.parameters.ef_construction);
  le::store_u32(h + kAnnEfSearchAt, graph.parameters.ef_search);
  le::store_u32(h + kAnnTopLevelAt, graph.top_level);
  le::store_u64(h + kAnnEntryPointAt, graph.entry_point);
  le::store_u64(h + kAnnNodesAt, graph.nodes);
  store_section(h + kAnnLevel0At, header.level0);
  store_section(h + kAnnUpperIndexAt, header.upper_index);
  store_section(h + kAnnUpperListsAt, header.upper_lists);
  le::store_u32(h + kAnnLevel0CrcAt, crc_of(header.level0));
  le::store_u32(h + kAnnUpperIndexCrcAt, crc_of(header.upper_index));
  le::store_u32(h + kAnnUpperListsCrcAt, crc_of(header.upper_lists));
  le::store_u32(h + kAnnHeaderCrcAt, ann_header_crc32(bytes));
  return bytes;
}

AnnFileHeader decode_ann_header(std::span<const std::byte> file, const std::string& source_name) {
  check_ann_magic_and_version(file, source_name);
  AnnFileHeader header = read_ann_fields(file.data());
  check_ann_file_size(header, file.size(), source_name);
  check_ann_scalars(header, source_name);
  check_ann_sections(header, source_name);
  return header;
}

void check_ann_matches_model(const AnnFileHeader& header, const AnnModelIdentity& model,
                             const std::string& index_name, const std::string& model_name) {
  const AnnModelIdentity& built = header.model;
  if (built == model) return;
  std::string what;
  if (built.rows != model.rows || built.dims != model.dims) {
    what = "it has " + decimal(built.rows) + " x " + decimal(built.dims) + " rows, the model " +
           decimal(model.rows) + " x " + decimal(model.dims);
  } else if (built.dtype != model.dtype) {
    what = "it was built over " + std::string(dtype_name(static_cast<Dtype>(built.dtype))) + " rows, the model has " +
           std::string(dtype_name(static_cast<Dtype>(model.dtype))) + " rows";
  } else if (built.matrix_crc32 != model.matrix_crc32) {
    what = "the model's matrix has changed since: checksum " + hex32(model.matrix_crc32) +
           ", the index was built over " + hex32(built.matrix_crc32);
  } else {
    what = "the model's row norms have changed since: checksum " + hex32(model.norms_crc32) +
           ", the index was built over " + hex32(built.norms_crc32);
  }
  throw Error(index_name + " is the ANN index of another version of " + model_name + " (" + what +
              "): rebuild it with `embedtool index --ann " + model_name +
              "`, delete it, or search without it with --exact");
}

}  // namespace embedtool
