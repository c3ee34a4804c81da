#pragma once
// The head section (format version 3): the weights W of the model's output layer, rows x dims
// f32, little-endian, row-major, after the matrix. Always f32, whatever the matrix's dtype: the
// head turns h into scores that a classifier ranks and compares, where float16's 11 bits would
// change its answers, and a head with one row per class is small next to E anyway.
// The header fields that locate it (kind, rows, dims, offset, size, crc) are in emb_header.h.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "embedtool/model.h"
#include "embedtool/storage/emb_header.h"

namespace embedtool {

// What makes `kind` unusable as a head kind in a file, as the end of a sentence ("is empty",
// "has 30 bytes, more than 24", "has byte 0a at position 3, expected visible ASCII (21 to 7e)"),
// or "" if it is 1 to kEmbHeadKindMaxBytes bytes of visible ASCII (no spaces, no control bytes:
// it is printed by `info` and must fit the header's fixed field). Whether training knows the
// kind is not storage's business.
std::string head_kind_problem(std::string_view kind);

// Throws Error "cannot save <destination>: ..." if model.head is set but cannot be written: its
// kind is unusable, or its weights do not have output_dim (= model.vectors.cols()) columns.
void check_head_savable(const EmbeddingModel& model, const std::string& destination);

// `section` holds exactly fields.rows x fields.dims f32 values (decode_emb_header has checked
// this, and the caller the checksum).
HeadWeights decode_head_section(std::span<const std::byte> section, const EmbHeadFields& fields);

}  // namespace embedtool
