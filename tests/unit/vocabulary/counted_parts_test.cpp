// Counts of a corpus's parts, merged with add_counted as MPI ranks merge theirs
// (pipeline/ranks_vocabulary_count.h), give the vocabulary of one count of the whole.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/vocabulary/word_counter.h"

namespace counted_parts_test {

using embedtool::CountedWord;
using embedtool::Vocabulary;
using embedtool::WordCounter;

void add_words(WordCounter& counter, const std::string& text) {
  std::istringstream words(text);
  std::string word;
  while (words >> word) counter.add(word);
}

std::vector<std::pair<std::string, std::uint64_t>> entries(const Vocabulary& vocabulary) {
  std::vector<std::pair<std::string, std::uint64_t>> all;
  for (auto id = embedtool::kFirstWordId; id < static_cast<embedtool::WordId>(vocabulary.input_dim()); ++id)
    all.emplace_back(std::string(vocabulary.word(id)), vocabulary.count(id));
  return all;
}

// Ties in count are broken by first appearance, which a part alone gets wrong: "b" appears
// first in the whole text but only in the second part.
const std::vector<std::string> kParts = {"x a a c c d", "b b y a c d d x", "e e e y b"};

Vocabulary merged_parts(std::uint64_t memory_limit) {
  WordCounter merged;
  merged.limit_memory(memory_limit);
  for (std::size_t part = 0; part < kParts.size(); ++part) {
    WordCounter counter;
    counter.limit_memory(memory_limit);
    add_words(counter, kParts[part]);
    counter.for_each_word([&](const CountedWord& counted) {
      merged.add_counted(counted.word, counted.count, (part << 48) | counted.first_seen);
    });
  }
  return merged.build({});
}

TEST_CASE("merged counts of the parts give the ids and counts of the whole") {
  WordCounter whole;
  for (const std::string& part : kParts) add_words(whole, part);
  const Vocabulary expected = whole.build({});
  CHECK(entries(merged_parts(0)) == entries(expected));
  // Spilling to disk on every new word, in the parts and in the merge, changes nothing.
  CHECK(entries(merged_parts(1)) == entries(expected));
}

TEST_CASE("for_each_word lists every word once, in byte order, spilled runs merged in") {
  WordCounter counter;
  counter.limit_memory(1);
  add_words(counter, "b a b c a b");
  std::vector<std::string> words;
  std::vector<std::uint64_t> counts;
  counter.for_each_word([&](const CountedWord& counted) {
    words.emplace_back(counted.word);
    counts.push_back(counted.count);
  });
  CHECK(words == std::vector<std::string>{"a", "b", "c"});
  CHECK(counts == std::vector<std::uint64_t>{2, 3, 1});
}

}  // namespace counted_parts_test
