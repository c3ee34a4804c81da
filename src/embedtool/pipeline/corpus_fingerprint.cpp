#include "embedtool/pipeline/corpus_fingerprint.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/storage/checksum.h"

namespace embedtool {
namespace {

constexpr std::uint64_t kEndBytes = 1 << 20;

std::uint32_t crc_of_range(std::ifstream& file, std::uint64_t offset, std::uint64_t size,
                           const std::string& display_name) {
  std::vector<char> buffer(static_cast<std::size_t>(size));
  file.seekg(static_cast<std::streamoff>(offset));
  if (!file.read(buffer.data(), static_cast<std::streamsize>(size)))
    throw Error("cannot read " + display_name + ": " + std::strerror(errno));
  return crc32_of(std::as_bytes(std::span<const char>(buffer)));
}

}  // namespace

CorpusFingerprint fingerprint_corpus(const std::string& path, const std::string& display_name) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) throw Error("cannot open " + display_name + ": " + std::strerror(errno));
  CorpusFingerprint fingerprint;
  fingerprint.size = static_cast<std::uint64_t>(file.tellg());
  const std::uint64_t end_bytes = std::min(fingerprint.size, kEndBytes);
  fingerprint.head_crc32 = crc_of_range(file, 0, end_bytes, display_name);
  fingerprint.tail_crc32 =
      crc_of_range(file, fingerprint.size - end_bytes, end_bytes, display_name);
  return fingerprint;
}

}  // namespace embedtool
