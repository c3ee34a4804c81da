#pragma once
// A section's checksum is verified before its content is interpreted, so that damage is
// reported as damage rather than as whatever odd value the damaged bytes happen to spell.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "embedtool/storage/emb_header.h"

namespace embedtool {

// The bytes of `section` (which decode_emb_header has checked to lie inside `file`) if their
// CRC32 is `expected_crc`; otherwise throws Error "<source> has a corrupt <name> section
// (checksum mismatch: ...)".
std::span<const std::byte> checksummed_section(std::span<const std::byte> file,
                                               const EmbSection& section,
                                               std::uint32_t expected_crc, const char* name,
                                               const std::string& source_name);

}  // namespace embedtool
