#pragma once
// A fastText dictionary's words -> their entry numbers, for a model used in place. The file has
// no index of its own (fastText builds its word2int table when it loads), so one is built here,
// as a flat table: slots of u32 (entry + 1; 0 is empty), twice as many as words and a power of
// two, linear probing from fastText's own hash of the word. With a node-based
// std::unordered_map, building it took 55% and freeing it 15% of a 0.76 s one-word lookup in a
// 2M-word model (perf, docs/BENCHMARKS.md "A word in a 2M-word fastText model"); this table is
// one allocation.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/formats/fasttext_bin_layout.h"

namespace embedtool {

class FastTextWordIndex {
 public:
  FastTextWordIndex() = default;
  // Indexes the first `words` entries. Throws Error naming `source` and both entries if a word
  // appears twice (fastText would find only the first).
  FastTextWordIndex(std::span<const FastTextEntry> entries, std::uint64_t words,
                    const std::string& source);

  // The entry number of `word`, or nullopt.
  std::optional<std::uint64_t> find(std::string_view word) const;

 private:
  std::span<const FastTextEntry> entries_;
  std::vector<std::uint32_t> slots_;
  std::uint64_t mask_ = 0;
};

}  // namespace embedtool
