#pragma once
// Counting a corpus's vocabulary with every rank of an MPI job: each rank counts the lines that
// start in its share of the file's bytes (as threads split it for training), and rank 0 merges
// the counts one rank at a time and builds the vocabulary, which it sends to every rank. A
// word's first appearance in the whole file is its first rank's, then its first appearance in
// that rank's share (the shares are in file order), so the ids are exactly those of a count of
// the whole file by one process. Each rank counts within `memory_limit`, and so does rank 0's
// merge (both spill to disk: word_counter.h).
#include <cstdint>
#include <string>

#include "embedtool/cluster/rank_group.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct RanksVocabularyCount {
  Vocabulary vocabulary;  // the same on every rank
  std::uint64_t lines = 0;
  std::uint64_t tokens = 0;
  std::uint64_t distinct_words = 0;
  std::uint64_t spilled_runs = 0;  // of rank 0's merge
};

// Collective: every rank of `ranks` calls it with the same arguments. Throws Error as
// count_text_file does, on the rank whose part failed.
RanksVocabularyCount count_vocabulary_across_ranks(RankGroup& ranks, const std::string& path,
                                                   const std::string& display_name,
                                                   const Tokenizer& tokenizer,
                                                   std::uint64_t memory_limit,
                                                   const VocabularyOptions& options);

// Its second half, for any counts made by every rank on its share: rank 0 merges the ranks'
// counts (each rank's first appearances after the rank before's) within `memory_limit`, builds
// the vocabulary and sends it to every rank. `lines` is left 0. Collective.
RanksVocabularyCount vocabulary_across_ranks(RankGroup& ranks, const WordCounter& mine,
                                             std::uint64_t memory_limit,
                                             const VocabularyOptions& options);

}  // namespace embedtool
