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

// The same for the lines that start in bytes [begin, end) of the file (text/
// line_range_reader.h): one rank's part when the ranks of an MPI job count it together. Line
// numbers (first_unlabelled_line) count from the part's first line.
LabelledCorpusCount count_labelled_range(const std::string& path, const std::string& display_name,
                                         const Tokenizer& tokenizer,
                                         const std::string& label_prefix,
                                         std::uint64_t memory_limit, std::uint64_t begin,
                                         std::uint64_t end);

// The labels counted, as classes: by count descending, ties by first appearance (the order
// WordCounter gives words).
LabelSet label_set_of(const WordCounter& labels);
// The same from labels already ordered so (a vocabulary built from their counts).
LabelSet label_set_of(const Vocabulary& ordered);

}  // namespace embedtool
