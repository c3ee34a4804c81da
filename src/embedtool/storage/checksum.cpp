#include "embedtool/storage/checksum.h"

#include <zlib.h>

namespace embedtool {

std::uint32_t crc32_of(std::span<const std::byte> bytes, std::uint32_t running) {
  // crc32_z takes a size_t length; plain crc32 would truncate spans of 4 GiB and more.
  return static_cast<std::uint32_t>(
      crc32_z(running, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

}  // namespace embedtool
