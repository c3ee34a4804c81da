#include "embedtool/pipeline/ranks_labelled_count.h"

#include <filesystem>
#include <span>
#include <vector>

#include "embedtool/pipeline/labelled_corpus_count.h"
#include "embedtool/pipeline/ranks_vocabulary_count.h"
#include "embedtool/text/line_range_reader.h"

namespace embedtool {
namespace {

// Each rank's value, on every rank, in rank order (a sum where only the rank's own slot is set).
std::vector<std::uint64_t> every_ranks(RankGroup& ranks, std::uint64_t mine) {
  std::vector<std::uint64_t> values(static_cast<std::size_t>(ranks.size()), 0);
  values[static_cast<std::size_t>(ranks.rank())] = mine;
  ranks.sum(std::span<std::uint64_t>(values));
  return values;
}

}  // namespace

RanksLabelledCount count_labelled_across_ranks(RankGroup& ranks, const std::string& path,
                                               const std::string& display_name,
                                               const Tokenizer& tokenizer,
                                               const std::string& label_prefix,
                                               std::uint64_t memory_limit,
                                               const VocabularyOptions* vocabulary_options) {
  const std::vector<std::uint64_t> bounds =
      split_into_ranges(std::filesystem::file_size(path), static_cast<std::size_t>(ranks.size()));
  const auto rank = static_cast<std::size_t>(ranks.rank());
  const LabelledCorpusCount mine = count_labelled_range(
      path, display_name, tokenizer, label_prefix, memory_limit, bounds[rank], bounds[rank + 1]);

  RanksLabelledCount result;
  // The shares are in file order, so a rank's line k is line (lines of the ranks before) + k,
  // and the first unlabelled line of the file is the first rank's that has one.
  const std::vector<std::uint64_t> lines = every_ranks(ranks, mine.lines);
  std::uint64_t lines_before = 0;
  for (std::size_t r = 0; r < rank; ++r) lines_before += lines[r];
  const std::vector<std::uint64_t> first_unlabelled = every_ranks(
      ranks, mine.first_unlabelled_line == 0 ? 0 : lines_before + mine.first_unlabelled_line);
  for (const std::uint64_t line : first_unlabelled) {
    if (line == 0) continue;
    result.first_unlabelled_line = line;
    break;
  }
  std::uint64_t totals[] = {mine.unlabelled_lines, mine.words.tokens_seen(),
                            mine.labels.tokens_seen()};
  ranks.sum(std::span<std::uint64_t>(totals));
  for (const std::uint64_t count : lines) result.lines += count;
  result.unlabelled_lines = totals[0];
  result.tokens = totals[1];
  result.label_tokens = totals[2];

  // Labels are few: no memory limit applies to them, as in count_labelled_file.
  result.labels = label_set_of(vocabulary_across_ranks(ranks, mine.labels, 0, {}).vocabulary);
  if (vocabulary_options) {
    RanksVocabularyCount words =
        vocabulary_across_ranks(ranks, mine.words, memory_limit, *vocabulary_options);
    result.distinct_words = words.distinct_words;
    result.vocabulary = std::move(words.vocabulary);
  }
  return result;
}

}  // namespace embedtool
