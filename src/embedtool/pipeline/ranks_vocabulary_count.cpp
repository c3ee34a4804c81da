#include "embedtool/pipeline/ranks_vocabulary_count.h"

#include <filesystem>

#include "embedtool/cluster/byte_packing.h"
#include "embedtool/pipeline/corpus_count.h"
#include "embedtool/text/line_range_reader.h"

namespace embedtool {
namespace {

// A rank's first appearances are numbered from rank << kRankShift, so that all of rank r's come
// before all of rank r + 1's: 2^48 distinct words per rank, 65,536 ranks.
constexpr int kRankShift = 48;

std::string pack_counts(const WordCounter& counter, int rank) {
  std::string packed;
  counter.for_each_word([&](const CountedWord& counted) {
    if (counted.first_seen >> kRankShift)
      throw Error("rank " + std::to_string(rank) + " counted more distinct words than a rank can");
    pack_string(packed, counted.word);
    pack_u64(packed, counted.count);
    pack_u64(packed, (static_cast<std::uint64_t>(rank) << kRankShift) | counted.first_seen);
  });
  return packed;
}

std::string pack_vocabulary(const Vocabulary& vocabulary, const WordCounter& merged) {
  std::string packed;
  pack_u64(packed, merged.tokens_seen());
  pack_u64(packed, merged.distinct_words());
  pack_u64(packed, merged.spilled_runs());
  pack_u64(packed, vocabulary.word_count());
  for (WordId id = kFirstWordId; id < static_cast<WordId>(vocabulary.input_dim()); ++id) {
    pack_string(packed, vocabulary.word(id));
    pack_u64(packed, vocabulary.count(id));
  }
  return packed;
}

}  // namespace

RanksVocabularyCount count_vocabulary_across_ranks(RankGroup& ranks, const std::string& path,
                                                   const std::string& display_name,
                                                   const Tokenizer& tokenizer,
                                                   std::uint64_t memory_limit,
                                                   const VocabularyOptions& options) {
  const auto size = static_cast<std::size_t>(ranks.size());
  const std::vector<std::uint64_t> bounds =
      split_into_ranges(std::filesystem::file_size(path), size);
  const auto rank = static_cast<std::size_t>(ranks.rank());
  const CorpusCount mine = count_text_range(path, display_name, tokenizer, memory_limit,
                                            bounds[rank], bounds[rank + 1]);
  std::uint64_t lines = mine.lines;
  ranks.sum(std::span<std::uint64_t>(&lines, 1));
  RanksVocabularyCount result = vocabulary_across_ranks(ranks, mine.counter, memory_limit, options);
  result.lines = lines;
  return result;
}

RanksVocabularyCount vocabulary_across_ranks(RankGroup& ranks, const WordCounter& mine,
                                             std::uint64_t memory_limit,
                                             const VocabularyOptions& options) {
  std::string packed;
  if (ranks.rank() == 0) {
    WordCounter merged;
    merged.limit_memory(memory_limit);
    ranks.gather_each(pack_counts(mine, 0), 0, [&](int, std::string_view bytes) {
      Unpacker words(bytes);
      while (!words.done()) {
        const std::string_view word = words.string();
        const std::uint64_t count = words.u64();
        merged.add_counted(word, count, words.u64());
      }
    });
    packed = pack_vocabulary(merged.build(options), merged);
  } else {
    ranks.gather_each(pack_counts(mine, ranks.rank()), 0, {});
  }
  ranks.broadcast(packed, 0);

  RanksVocabularyCount result;
  Unpacker reader(packed);
  result.tokens = reader.u64();
  result.distinct_words = reader.u64();
  result.spilled_runs = reader.u64();
  const std::uint64_t words = reader.u64();
  for (std::uint64_t k = 0; k < words; ++k) {
    const std::string_view word = reader.string();
    result.vocabulary.add(std::string(word), reader.u64());
  }
  return result;
}

}  // namespace embedtool
