#pragma once
// Reading and writing the .emb model file (layout in docs/FORMAT.md). Writers produce version 5;
// readers accept versions 1 to 5 (version 1 is version 2 without the hash index section,
// version 2 is version 3 without the head section and its header fields, version 3 is
// version 4 without the labels and bucket sections and their header fields, and version 4 is
// version 5 without the row norms section and its header fields).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"

namespace embedtool {

inline constexpr std::uint32_t kEmbFormatVersion = 5;

struct EmbWriteOptions {
  // float16 halves the matrix; a finite value beyond ±65504 cannot be stored and is an Error.
  Dtype dtype = Dtype::float32;
};

// The whole file as bytes, model.head, model.labels and model.buckets included if set (the
// head's weights and the bucket rows are always written as float32, whatever options.dtype
// says). Deterministic: the same model and options give the
// same bytes. Throws Error for a model that cannot be saved (see check_rows_savable too).
std::vector<std::byte> serialize_model(const EmbeddingModel& model,
                                       const EmbWriteOptions& options = {});

// Parses a whole file held in memory and verifies everything: every size and offset against
// bytes.size() before it is used, every checksum, every word and the hash index. The model's
// head is set if the file has one (only version 3 files can). A bad magic, a
// newer version, a short or inconsistent file or a checksum mismatch throws Error naming
// `source_name`, what was expected and what was found.
// With BucketSection::skip, model.buckets stays unset and the bucket rows are neither copied
// nor verified: for readers that take a subword model's n-gram rows from a mapping of the file
// instead (MappedModel), which would otherwise hold the largest section twice.
enum class BucketSection { read, skip };
EmbeddingModel parse_model(std::span<const std::byte> bytes, const std::string& source_name,
                           BucketSection buckets = BucketSection::read);

// Writes atomically (see atomic_file.h): on failure the file at `path` is left as it was.
void save_model(const EmbeddingModel& model, const std::string& path,
                const EmbWriteOptions& options = {});

// Maps `path` and parses it as parse_model does. Throws Error if it cannot be read or is not a
// valid model. (mapped_model.h reads a few rows without loading or verifying the whole matrix.)
EmbeddingModel load_model(const std::string& path, BucketSection buckets = BucketSection::read);

}  // namespace embedtool
