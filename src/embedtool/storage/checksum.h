#pragma once
// CRC-32 as zlib computes it (the polynomial of gzip, PNG and zip), so any zlib binding can
// verify an .emb file.
#include <cstddef>
#include <cstdint>
#include <span>

namespace embedtool {

// Continues a running checksum: crc32_of(b, crc32_of(a)) == crc32_of(a followed by b).
std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t running = 0);

}  // namespace embedtool
