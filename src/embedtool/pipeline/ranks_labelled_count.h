#pragma once
// Counting a classifier's training file with every rank of an MPI job, as
// ranks_vocabulary_count.h counts a corpus: each rank counts the lines that start in its share
// of the file's bytes, and the words and the labels are merged as one process would have
// counted them, so the ids and the classes are a single process's.
#include <cstdint>
#include <optional>
#include <string>

#include "embedtool/cluster/rank_group.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/label_set.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct RanksLabelledCount {
  LabelSet labels;
  std::optional<Vocabulary> vocabulary;  // when asked for
  std::uint64_t lines = 0;
  std::uint64_t tokens = 0;             // the words of every line
  std::uint64_t distinct_words = 0;     // when the vocabulary was asked for
  std::uint64_t label_tokens = 0;       // label tokens in all; 0: no line has a label
  std::uint64_t unlabelled_lines = 0;
  std::uint64_t first_unlabelled_line = 0;  // 1-based in the whole file; 0 when none
};

// Collective: every rank calls it with the same arguments. `vocabulary_options` null: the
// labels only (the vocabulary comes from elsewhere). Throws Error as count_labelled_file does,
// on the rank whose part failed.
RanksLabelledCount count_labelled_across_ranks(RankGroup& ranks, const std::string& path,
                                               const std::string& display_name,
                                               const Tokenizer& tokenizer,
                                               const std::string& label_prefix,
                                               std::uint64_t memory_limit,
                                               const VocabularyOptions* vocabulary_options);

}  // namespace embedtool
