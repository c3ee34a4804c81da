// libFuzzer target: the ANN index reader (header, verify, and a search walking the links) must
// reject any byte string with embedtool::Error, never crash, read out of bounds, loop forever or
// allocate without checking sizes first.
//
// Random mutations almost never keep the CRC32s right, so half of the inputs get their checksums
// recomputed first (header layout from docs/FORMAT.md, "The ANN index file"); otherwise the
// fuzzer would only ever exercise the checksum tests and never what lies behind them.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/query/ann_search.h"
#include "embedtool/storage/ann_file.h"
#include "embedtool/storage/ann_graph_view.h"
#include "embedtool/storage/ann_verify.h"
#include "embedtool/storage/checksum.h"

namespace {

constexpr std::size_t kHeaderSize = 160;
constexpr std::size_t kHeaderCrcAt = 12;
constexpr std::size_t kSectionsAt = 88;       // (offset, size) u64 pairs: level 0, upper index, upper links
constexpr std::size_t kSectionCrcsAt = 136;   // their u32 checksums, in the same order
// Rows of the made-up model a search walks: enough for any index a 64 KiB input can hold.
constexpr std::uint64_t kMaxSearchedRows = std::uint64_t{1} << 16;
constexpr std::uint64_t kSearchDims = 4;

std::uint64_t read_u64(const std::vector<std::byte>& bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= std::uint64_t(bytes[at + i]) << (8 * i);
  return value;
}

void write_u32(std::vector<std::byte>& bytes, std::size_t at, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = std::byte((value >> (8 * i)) & 0xFF);
}

void repair_checksums(std::vector<std::byte>& bytes) {
  if (bytes.size() < kHeaderSize) return;
  for (std::size_t section = 0; section < 3; ++section) {
    const std::uint64_t offset = read_u64(bytes, kSectionsAt + 16 * section);
    const std::uint64_t size = read_u64(bytes, kSectionsAt + 16 * section + 8);
    if (offset > bytes.size() || size > bytes.size() - offset) continue;
    write_u32(bytes, kSectionCrcsAt + 4 * section, embedtool::crc32_of(std::span(bytes).subspan(offset, size)));
  }
  write_u32(bytes, kHeaderCrcAt, 0);
  write_u32(bytes, kHeaderCrcAt, embedtool::crc32_of(std::span(bytes).first(kHeaderSize)));
}

// A search over made-up rows as many as the index says: every link it follows is checked.
void search(const std::vector<std::byte>& bytes, const embedtool::AnnFileHeader& header) {
  const std::uint64_t rows = header.model.rows;
  if (rows > kMaxSearchedRows) return;
  std::vector<float> values(rows * kSearchDims);
  std::vector<float> norms(rows);
  for (std::uint64_t r = 0; r < rows; ++r) {
    double square = 0;
    for (std::uint64_t d = 0; d < kSearchDims; ++d) {
      values[r * kSearchDims + d] = std::sin(static_cast<float>(r * 7 + d * 3));
      square += double(values[r * kSearchDims + d]) * values[r * kSearchDims + d];
    }
    norms[r] = static_cast<float>(std::sqrt(square));
  }
  const embedtool::StoredRows stored{reinterpret_cast<const std::byte*>(values.data()), rows, kSearchDims,
                                     embedtool::Dtype::float32, norms.data()};
  const embedtool::AnnSearch searcher(stored, embedtool::AnnGraphView(bytes, header, "fuzz.emb.ann"), 1);
  std::vector<embedtool::NearestQuery> queries;
  queries.push_back({Eigen::VectorXf::Ones(kSearchDims), {}});
  queries.push_back({Eigen::Map<const Eigen::VectorXf>(values.data() + (rows - 1) * kSearchDims, kSearchDims),
                     {static_cast<embedtool::WordId>(rows - 1)}});
  searcher.nearest(queries, 5, std::min<std::size_t>(searcher.default_ef(), 64));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto raw = std::as_bytes(std::span(data, size));
  std::vector<std::byte> bytes(raw.begin(), raw.end());
  if (size > 0 && (data[size - 1] & 1)) repair_checksums(bytes);
  try {
    const embedtool::AnnFileHeader header = embedtool::decode_ann_header(bytes, "fuzz.emb.ann");
    // Verified against the model the header names, so that every link is checked, not only
    // the identity; and searched whether or not verify found problems.
    embedtool::find_ann_problems(bytes, "fuzz.emb.ann", header.model, "fuzz.emb");
    search(bytes, header);
  } catch (const embedtool::Error&) {
  }
  return 0;
}
