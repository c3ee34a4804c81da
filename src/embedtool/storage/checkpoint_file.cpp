#include "embedtool/storage/checkpoint_file.h"

#include <array>
#include <cstring>

#include "embedtool/errors.h"
#include "embedtool/storage/atomic_file.h"
#include "embedtool/storage/checked_math.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/emb_matrix_section.h"
#include "embedtool/storage/emb_metadata_section.h"
#include "embedtool/storage/emb_vocabulary_section.h"
#include "embedtool/storage/little_endian.h"
#include "embedtool/storage/mapped_file.h"

namespace embedtool {
namespace {

namespace le = little_endian;

// "\x89EMBCKPT": .emb's first four bytes, then what the file is, so neither is taken for the other.
constexpr std::array<unsigned char, 8> kMagic = {0x89, 'E', 'M', 'B', 'C', 'K', 'P', 'T'};
// Version 2 added bucket_rows (a classifier's word n-gram rows below E's); version 1 files,
// which never had any, are still read.
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kHeaderSize = 64;
constexpr std::size_t kVersion1HeaderSize = 56;
constexpr std::size_t kTrailerSize = 4;

struct Header {
  std::uint64_t state_size = 0;
  std::uint64_t vocabulary_size = 0;
  std::uint64_t input_rows = 0;  // E's rows and the bucket rows
  std::uint64_t output_rows = 0;
  std::uint64_t dims = 0;
  std::uint64_t bucket_rows = 0;
};

std::array<std::byte, kHeaderSize> encode_header(const Header& header) {
  std::array<std::byte, kHeaderSize> bytes{};
  std::memcpy(bytes.data(), kMagic.data(), kMagic.size());
  le::store_u32(bytes.data() + 8, kVersion);
  le::store_u32(bytes.data() + 12, 0);  // reserved
  le::store_u64(bytes.data() + 16, header.state_size);
  le::store_u64(bytes.data() + 24, header.vocabulary_size);
  le::store_u64(bytes.data() + 32, header.input_rows);
  le::store_u64(bytes.data() + 40, header.output_rows);
  le::store_u64(bytes.data() + 48, header.dims);
  le::store_u64(bytes.data() + 56, header.bucket_rows);
  return bytes;
}

[[noreturn]] void throw_bad(const std::string& path, const std::string& why) {
  throw Error(path + " is not a usable checkpoint: " + why);
}

// The byte count of a rows x dims float32 matrix, or nullopt on overflow.
std::optional<std::uint64_t> matrix_bytes(std::uint64_t rows, std::uint64_t dims) {
  const auto values = checked_mul(rows, dims);
  return values ? checked_mul(*values, 4) : std::nullopt;
}

}  // namespace

void save_checkpoint_file(const std::string& path, const nlohmann::json& state,
                          const Vocabulary& vocabulary, const Matrix& input, const Matrix& output) {
  if (static_cast<std::size_t>(input.rows()) < vocabulary.input_dim() ||
      input.cols() != output.cols())
    throw Error("cannot save " + path + ": the weights do not fit the vocabulary");
  const std::string state_text = encode_metadata_section(state, path);
  const std::vector<std::byte> vocabulary_bytes = encode_vocabulary_section(vocabulary);
  Header header;
  header.state_size = state_text.size();
  header.vocabulary_size = vocabulary_bytes.size();
  header.input_rows = static_cast<std::uint64_t>(input.rows());
  header.output_rows = static_cast<std::uint64_t>(output.rows());
  header.dims = static_cast<std::uint64_t>(input.cols());
  header.bucket_rows = header.input_rows - vocabulary.input_dim();

  AtomicFileWriter writer(path);
  std::uint32_t crc = 0;
  const auto write = [&](std::span<const std::byte> bytes) {
    crc = crc32_of(bytes, crc);
    writer.write(bytes);
  };
  write(encode_header(header));
  write(std::as_bytes(std::span<const char>(state_text.data(), state_text.size())));
  write(vocabulary_bytes);
  for_each_encoded_matrix_chunk(input, Dtype::float32, write);
  for_each_encoded_matrix_chunk(output, Dtype::float32, write);
  std::array<std::byte, kTrailerSize> trailer{};
  le::store_u32(trailer.data(), crc);
  writer.write(trailer);
  writer.commit();
}

CheckpointFile load_checkpoint_file(const std::string& path) {
  const MappedFile file(path);
  const std::span<const std::byte> bytes = file.bytes();
  if (bytes.size() < kVersion1HeaderSize + kTrailerSize ||
      std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0)
    throw_bad(path, "it does not start as a checkpoint does (was it written by train "
                    "--checkpoint?)");
  const std::uint32_t version = le::load_u32(bytes.data() + 8);
  if (version != 1 && version != kVersion)
    throw_bad(path, "format version " + std::to_string(version) + ", this embedtool reads 1 to " +
                        std::to_string(kVersion));
  const std::size_t header_size = version == 1 ? kVersion1HeaderSize : kHeaderSize;
  if (bytes.size() < header_size + kTrailerSize)
    throw_bad(path, "it is shorter than its header (a truncated file)");
  Header header;
  header.state_size = le::load_u64(bytes.data() + 16);
  header.vocabulary_size = le::load_u64(bytes.data() + 24);
  header.input_rows = le::load_u64(bytes.data() + 32);
  header.output_rows = le::load_u64(bytes.data() + 40);
  header.dims = le::load_u64(bytes.data() + 48);
  if (version >= 2) header.bucket_rows = le::load_u64(bytes.data() + 56);
  if (header.bucket_rows > header.input_rows)
    throw_bad(path, "it has more bucket rows than input rows (a damaged file)");

  // Every size is checked against the file before any of them is used.
  const auto input_bytes = matrix_bytes(header.input_rows, header.dims);
  const auto output_bytes = matrix_bytes(header.output_rows, header.dims);
  std::optional<std::uint64_t> total = header_size + kTrailerSize;
  for (const auto part : {std::optional<std::uint64_t>(header.state_size),
                          std::optional<std::uint64_t>(header.vocabulary_size), input_bytes,
                          output_bytes})
    total = total && part ? checked_add(*total, *part) : std::nullopt;
  if (!total || *total != bytes.size())
    throw_bad(path, "its sizes do not add up to its " + std::to_string(bytes.size()) +
                        " bytes (a truncated or damaged file)");
  const std::size_t body_size = bytes.size() - kTrailerSize;
  const std::uint32_t stored_crc = le::load_u32(bytes.data() + body_size);
  if (crc32_of(bytes.first(body_size)) != stored_crc)
    throw_bad(path, "its checksum does not match (a damaged file)");

  std::size_t at = header_size;
  const auto take = [&](std::uint64_t size) {
    const auto part = bytes.subspan(at, static_cast<std::size_t>(size));
    at += static_cast<std::size_t>(size);
    return part;
  };
  CheckpointFile checkpoint;
  checkpoint.state = decode_metadata_section(take(header.state_size), path);
  checkpoint.vocabulary =
      decode_vocabulary_section(take(header.vocabulary_size),
                                header.input_rows - header.bucket_rows, path);
  checkpoint.input =
      decode_matrix_section(take(*input_bytes), header.input_rows, header.dims, Dtype::float32);
  checkpoint.output =
      decode_matrix_section(take(*output_bytes), header.output_rows, header.dims, Dtype::float32);
  return checkpoint;
}

}  // namespace embedtool
