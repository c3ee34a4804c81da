#include "embedtool/storage/emb_section_checksum.h"

#include "embedtool/errors.h"
#include "embedtool/storage/checksum.h"
#include "embedtool/storage/message_format.h"

namespace embedtool {

std::span<const std::byte> checksummed_section(std::span<const std::byte> file,
                                               const EmbSection& section,
                                               std::uint32_t expected_crc, const char* name,
                                               const std::string& source_name) {
  auto bytes = file.subspan(section.offset, section.size);
  std::uint32_t computed = crc32_of(bytes);
  if (computed != expected_crc) {
    throw Error(source_name + " has a corrupt " + name + " section (checksum mismatch: header says " +
                hex32(expected_crc) + ", computed " + hex32(computed) + ")");
  }
  return bytes;
}

}  // namespace embedtool
