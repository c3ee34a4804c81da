#pragma once
// Reading a whole file into memory, with errors that name the file.
#include <cstddef>
#include <string>
#include <vector>

namespace embedtool {

// Throws Error "cannot open <path>: <reason>" (missing file, a folder, no permission) or
// "cannot read <path>: <reason>".
std::vector<std::byte> read_file_bytes(const std::string& path);

}  // namespace embedtool
