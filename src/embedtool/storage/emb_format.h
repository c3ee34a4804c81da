#pragma once
// Reading and writing the .emb model file, version 1 (layout in docs/FORMAT.md).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "embedtool/model.h"

namespace embedtool {

inline constexpr std::uint32_t kEmbFormatVersion = 1;

// The whole file as bytes. Deterministic: the same model gives the same bytes.
std::vector<std::byte> serialize_model(const EmbeddingModel& model);

// Parses a whole file held in memory. Every size and offset is checked against bytes.size()
// before it is used; a bad magic, a newer version, a short or inconsistent file or a checksum
// mismatch throws Error naming `source_name`, what was expected and what was found.
EmbeddingModel parse_model(std::span<const std::byte> bytes, const std::string& source_name);

// Writes atomically (see atomic_file.h): on failure the file at `path` is left as it was.
void save_model(const EmbeddingModel& model, const std::string& path);

// Reads and parses `path`. Throws Error if it cannot be read or is not a valid model.
EmbeddingModel load_model(const std::string& path);

}  // namespace embedtool
