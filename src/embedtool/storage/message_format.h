#pragma once
// Small pieces of the one-line error messages of the storage layer.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace embedtool {

std::string decimal(std::uint64_t value);
std::string hex32(std::uint32_t value);  // "0x0badf00d"
std::string shortest_decimal(float value);  // "-3.4028235e+38", "0.1" (float_text.h)
std::string hex_bytes(std::span<const std::byte> bytes);  // "89 45 4d 42"
// In double quotes, control bytes escaped as \xNN so that corrupt text cannot break the line.
std::string quoted(std::string_view text);
// The text of an errno value, thread-safe unlike strerror.
std::string errno_text(int error_number);

}  // namespace embedtool
