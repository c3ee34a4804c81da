#pragma once
// The labels section (format version 4): a classifier's classes, the LabelSet, in class order.
// It is a string table (emb_string_table.h), as the vocabulary section is:
//   labels + 1 u64 offsets into the name blob, labels u64 counts, then the names' UTF-8 bytes,
// without the vocabulary's reserved rows. Label k is class k, the order training gave them.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/storage/emb_string_table.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

inline constexpr EmbStringTableTerms kLabelsTerms = {"labels",       "label",  "label",
                                                     "label offset", "labels", "label"};

// What makes `name` unusable as a label in a file, as the end of a sentence ("is empty", "is not
// valid UTF-8 (byte 2 of the name)", "has the whitespace byte 20 at position 3"), or "". A
// label is any non-empty UTF-8 without ASCII whitespace (09 to 0d, 20): the bytes that separate
// tokens in a fastText-format training line (sequences/labelled_line.h), so no label read from
// one can hold them, and a label can always be printed back into such a line.
std::string label_name_problem(std::string_view name);

// Throws Error "cannot save <destination>: label 3 ..." if a label cannot be written.
void check_labels_savable(const LabelSet& labels, const std::string& destination);

std::vector<std::byte> encode_labels_section(const LabelSet& labels);

// Checks the section completely (size for `count` labels, offsets increasing and inside the
// blob, every name valid by label_name_problem, no name repeated) and rebuilds the LabelSet.
// Throws Error naming `source_name`.
LabelSet decode_labels_section(std::span<const std::byte> section, std::uint64_t count,
                               const std::string& source_name);

}  // namespace embedtool
