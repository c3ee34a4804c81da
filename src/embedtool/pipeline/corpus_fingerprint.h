#pragma once
// What a checkpoint remembers of its corpus, so that a resumed run can refuse another one (its
// byte positions and word counts would be meaningless there): the size and the CRC32 of the
// first and last MiB. Cheap at any corpus size, and it catches appending, truncating and
// editing either end. Not the modification time: a corpus piped in again through standard input
// is spooled to a new file, with the same bytes and a new time.
#include <cstdint>
#include <string>

namespace embedtool {

struct CorpusFingerprint {
  std::uint64_t size = 0;
  std::uint32_t head_crc32 = 0;
  std::uint32_t tail_crc32 = 0;

  bool operator==(const CorpusFingerprint&) const = default;
};

// Throws Error naming `display_name` if `path` cannot be read.
CorpusFingerprint fingerprint_corpus(const std::string& path, const std::string& display_name);

}  // namespace embedtool
