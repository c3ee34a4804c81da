#pragma once
// Sections of f32 rows named by a kind, after the matrix: the head (format version 3), the
// weights W of the model's output layer, and the bucket rows (version 4), a classifier's input
// rows that belong to no word (hashed n-grams). rows x dims f32, little-endian, row-major,
// 64-byte aligned. Always f32, whatever the matrix's dtype: the head turns h into scores that a
// classifier ranks and compares, where float16's 11 bits would change its answers, and a head
// with one row per class is small next to E anyway; bucket rows are summed into h with the word
// rows, and one element type known in advance lets them be mapped in place.
// The header fields that locate each section (kind, rows, dims, offset, size, crc) are in
// emb_header.h, one block of the same layout per section.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "embedtool/model.h"
#include "embedtool/storage/emb_header.h"

namespace embedtool {

// What makes `kind` unusable as the kind of a rows section, as the end of a sentence ("is
// empty", "has 30 bytes, more than 24", "has byte 0a at position 3, expected visible ASCII (21 to
// 7e)"), or "" if it is 1 to kEmbKindMaxBytes bytes of visible ASCII (no spaces, no control
// bytes: it is printed by `info` and must fit the header's fixed field). Whether training knows
// the kind is not storage's business.
std::string rows_kind_problem(std::string_view kind);

// Throws Error "cannot save <destination>: ..." if a rows section of `kind` holding `rows` cannot
// be written: its kind is unusable, or `rows` does not have `output_dim` (the matrix's) columns.
void check_rows_savable(const std::string& kind, const Matrix& rows, std::uint64_t output_dim,
                        const EmbRowsSectionNames& names, const std::string& destination);

// The rows of the section `fields` locates in `file`, once its checksum matches (otherwise
// throws Error "<source> has a corrupt <section> section ..."). decode_emb_header has checked
// that the section lies inside the file and holds exactly fields.rows x fields.dims f32 values.
Matrix read_rows_section(std::span<const std::byte> file, const EmbRowsFields& fields,
                         const EmbRowsSectionNames& names, const std::string& source_name);

}  // namespace embedtool
