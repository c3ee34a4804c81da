#pragma once
// Counting a classifier's training file (fastText's format, sequences/labelled_line.h): the
// words of its text for the vocabulary, as `vocab` counts a corpus, and its labels, read in the
// same bounded pieces as training reads them (text/line_range_reader.h).
#include <cstdint>
#include <string>

#include "embedtool/text/tokenizer.h"
#include "embedtool/vocabulary/label_set.h"
#include "embedtool/vocabulary/word_counter.h"

namespace embedtool {

struct LabelledCorpusCount {
  // The words of every line, labelled or not, as fastText's dictionary counts them: a word seen
  // only in unlabelled lines gets a row that training never moves.
  WordCounter words;
  WordCounter labels;  // each label token once per time it occurs
  std::uint64_t lines = 0;
  std::uint64_t unlabelled_lines = 0;     // skipped by training
  std::uint64_t first_unlabelled_line = 0;  // its 1-based number; 0 when every line has a label
};

// Reads the regular file `path` once; `display_name` names it in errors (invalid UTF-8).
// `memory_limit` bounds the table of words as count_text_file's does (corpus_count.h).
LabelledCorpusCount count_labelled_file(const std::string& path, const std::string& display_name,
                                        const Tokenizer& tokenizer, const std::string& label_prefix,
                                        std::uint64_t memory_limit = 0);

// The labels counted, as classes: by count descending, ties by first appearance (the order
// WordCounter gives words).
LabelSet label_set_of(const WordCounter& labels);

}  // namespace embedtool
