#pragma once
// The ANN index file (layout in docs/FORMAT.md, "The ANN index file"), kept beside its model as
// MODEL.emb.ann: a 160-byte header, then three sections of little-endian u32, each at a
// multiple of 64 so it can be used in place: the level-0 links (one fixed-size record per row,
// so a row's links are found by multiplication), where each row's upper levels are, and the
// upper levels' links. The vectors are not in it: they are the model's rows.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "embedtool/storage/ann_graph.h"
#include "embedtool/storage/emb_header.h"

namespace embedtool {

// "\x89EMBANN\n": a non-ASCII first byte as the model's magic, a name for hex dumps, and a line
// feed last so that a transfer that rewrites line ends shows as a bad magic (as PNG's).
inline constexpr std::array<std::byte, 8> kAnnMagic = {
    std::byte{0x89}, std::byte{'E'}, std::byte{'M'}, std::byte{'B'},
    std::byte{'A'},  std::byte{'N'}, std::byte{'N'}, std::byte{'\n'}};
inline constexpr std::uint32_t kAnnFormatVersion = 1;
inline constexpr std::size_t kAnnHeaderSize = 160;
inline constexpr std::uint64_t kAnnSectionAlignment = 64;
// Bounds that keep a search's scratch small whatever a damaged file says. HNSW uses 5 to 100
// links and has about log(rows) / log(links) levels (6 for a million rows with 16 links).
inline constexpr std::uint32_t kAnnMaxLinks = 1024;
inline constexpr std::uint32_t kAnnMaxLevel = 64;

// The file name of the index of `model_path`: the model's name with ".ann" added.
std::string ann_index_path(const std::string& model_path);

struct AnnFileHeader {
  std::uint32_t version = kAnnFormatVersion;
  std::uint64_t file_size = 0;
  AnnModelIdentity model;
  AnnParameters parameters;
  std::uint32_t top_level = 0;
  std::uint64_t entry_point = 0;
  std::uint64_t nodes = 0;
  EmbSection level0;       // model.rows x (1 + links0) x 4 bytes
  EmbSection upper_index;  // model.rows x 4 bytes
  EmbSection upper_lists;  // a multiple of 4 bytes
  std::uint32_t level0_crc32 = 0;
  std::uint32_t upper_index_crc32 = 0;
  std::uint32_t upper_lists_crc32 = 0;
};

// The identity an index built over the model with this header records.
AnnModelIdentity ann_identity_of(const EmbHeader& model);

// The whole file. Throws Error if the graph's tables do not have the sizes its numbers give, or
// a section would be too large for u32 positions.
std::vector<std::byte> encode_ann_file(const AnnGraph& graph);

// Reads and validates the header of a whole file: magic, version, header checksum, reserved
// bytes, the file size against file.size(), the parameters' bounds, the entry point, and that
// every section lies inside the file, in order, aligned, with the sizes the numbers give. Reads
// only the header (cheap on a mapped file); the sections' checksums are verify's
// (find_ann_problems). Throws Error naming `source_name`.
AnnFileHeader decode_ann_header(std::span<const std::byte> file, const std::string& source_name);

// Throws Error if the index was built over another model than the one `model` describes: one
// line naming both files, what differs, and how to rebuild the index or search without it.
void check_ann_matches_model(const AnnFileHeader& header, const AnnModelIdentity& model,
                             const std::string& index_name, const std::string& model_name);

}  // namespace embedtool
