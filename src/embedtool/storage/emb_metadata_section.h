#pragma once
// The metadata section: one JSON object as UTF-8 text, no terminator.
#include <cstddef>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

namespace embedtool {

// Compact and with sorted keys (nlohmann keeps objects in a std::map), so equal metadata gives
// equal bytes. Throws Error naming `destination` if `metadata` is not an object or holds a string
// that is not valid UTF-8.
std::string encode_metadata_section(const nlohmann::json& metadata, const std::string& destination);

// Throws Error naming `source_name` if the bytes are not a JSON object.
nlohmann::json decode_metadata_section(std::span<const std::byte> section,
                                       const std::string& source_name);

}  // namespace embedtool
