#pragma once
// The row norms section (format version 5): the Euclidean length of each row of E as stored
// (float16 rows widened first), one f32 per row, computed in double when the file is written.
// A cosine search divides each row's dot product by it, so with it a query reads the rows and
// nothing else: no pass to normalize them, no normalized copy.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "embedtool/model.h"
#include "embedtool/storage/dtype.h"
#include "embedtool/storage/emb_header.h"
#include "embedtool/storage/stored_rows.h"

namespace embedtool {

// The lengths of the rows of `vectors` as a file of `dtype` stores them (rounded to float16
// first if dtype is float16).
std::vector<float> row_norms(const Matrix& vectors, Dtype dtype);

// The same, from rows read in place (their `norms` pointer is ignored).
std::vector<float> row_norms(const StoredRows& rows);

// The section's bytes: each length as a little-endian f32.
std::vector<std::byte> encode_norms_section(std::span<const float> norms);

// The norms of a file whose header says it has them, in place, after checking their checksum
// (4 MB for a million rows: milliseconds). Throws Error naming `source_name` if it does not match.
const float* checked_norms_in_place(std::span<const std::byte> file, const EmbHeader& header,
                                    const std::string& source_name);

}  // namespace embedtool
