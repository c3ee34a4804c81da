#include "embedtool/sequences/padding.h"

#include <algorithm>
#include <cstddef>

namespace embedtool {

Sequence pad_sequence(const Sequence& sequence, std::size_t length, const PaddingOptions& options) {
  const std::size_t kept = std::min(sequence.size(), length);
  const auto kept_distance = static_cast<std::ptrdiff_t>(kept);
  // truncating=pre keeps the *last* ids (Keras: s[-maxlen:]), post keeps the first (s[:maxlen]).
  const auto kept_begin = options.truncating == PadSide::pre ? sequence.end() - kept_distance
                                                             : sequence.begin();
  Sequence row(length, options.value);
  // padding=pre right-aligns the ids so the fill comes first; post left-aligns them.
  const auto destination =
      options.padding == PadSide::pre ? row.end() - kept_distance : row.begin();
  std::copy_n(kept_begin, kept, destination);
  return row;
}

std::vector<Sequence> pad_sequences(const std::vector<Sequence>& sequences,
                                    const PaddingOptions& options) {
  std::vector<Sequence> rows;
  if (sequences.empty()) {
    return rows;
  }
  std::size_t length = 0;
  if (options.input_length) {
    length = *options.input_length;
  } else {
    for (const Sequence& sequence : sequences) {
      length = std::max(length, sequence.size());
    }
  }
  rows.reserve(sequences.size());
  for (const Sequence& sequence : sequences) {
    rows.push_back(pad_sequence(sequence, length, options));
  }
  return rows;
}

}  // namespace embedtool
