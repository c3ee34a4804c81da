#pragma once
// Fixed-length rows from variable-length sequences, with the semantics of Keras'
// pad_sequences: rows longer than the length are cut (from the front with truncating=pre, from
// the back with post), shorter rows are filled with `value` (before the ids with padding=pre,
// after with post). Without a length, the longest row's length is used (Keras maxlen=None).
#include <cstdint>
#include <optional>
#include <vector>

#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

enum class PadSide { pre, post };

struct PaddingOptions {
  std::optional<std::size_t> input_length;  // nullopt = length of the longest sequence
  PadSide padding = PadSide::pre;
  PadSide truncating = PadSide::pre;
  WordId value = 0;
};

using Sequence = std::vector<WordId>;

// Pads or truncates one sequence to exactly `length` ids.
Sequence pad_sequence(const Sequence& sequence, std::size_t length, const PaddingOptions& options);

// Pads every sequence; the length is options.input_length or the longest sequence's.
std::vector<Sequence> pad_sequences(const std::vector<Sequence>& sequences,
                                    const PaddingOptions& options);

}  // namespace embedtool
