#include "embedtool/vocabulary/word_counter.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "embedtool/errors.h"

using embedtool::Vocabulary;
using embedtool::VocabularyOptions;
using embedtool::WordCounter;

namespace {

WordCounter count_words(const std::string& text) {
  WordCounter counter;
  std::istringstream words(text);
  std::string word;
  while (words >> word) counter.add(word);
  return counter;
}

std::vector<std::string> words_of(const Vocabulary& vocabulary) {
  std::vector<std::string> words;
  for (std::size_t id = embedtool::kFirstWordId; id < vocabulary.input_dim(); ++id) {
    words.emplace_back(vocabulary.word(static_cast<embedtool::WordId>(id)));
  }
  return words;
}

VocabularyOptions min_count(std::uint64_t count) {
  VocabularyOptions options;
  options.min_count = count;
  return options;
}

VocabularyOptions input_dim(std::uint64_t dim) {
  VocabularyOptions options;
  options.input_dim = dim;
  return options;
}

// d appears first but least often; c and e tie with b at 2 and are ordered by first appearance.
const std::string kText = "d c b a a e b a c e";

}  // namespace

TEST_CASE("counts tokens and distinct words") {
  const WordCounter counter = count_words(kText);
  CHECK(counter.tokens_seen() == 10);
  CHECK(counter.distinct_words() == 5);
}

TEST_CASE("words are ordered by count, ties by first appearance") {
  const Vocabulary vocabulary = count_words(kText).build({});
  CHECK(words_of(vocabulary) == std::vector<std::string>{"a", "c", "b", "e", "d"});
  CHECK(vocabulary.count(2) == 3);
  CHECK(vocabulary.count(6) == 1);
  CHECK(vocabulary.total_count() == 10);
}

TEST_CASE("the order does not depend on hashing: many ties keep corpus order") {
  WordCounter counter;
  std::vector<std::string> expected;
  for (int k = 0; k < 1000; ++k) {
    std::string word = std::to_string(k * 7919 % 1000);
    word.insert(0, 1, 'w');
    expected.push_back(word);
    counter.add(expected.back());
  }
  CHECK(words_of(counter.build({})) == expected);
}

TEST_CASE("min_count leaves rare words out; they map to the unknown id") {
  const Vocabulary vocabulary = count_words(kText).build(min_count(2));
  CHECK(words_of(vocabulary) == std::vector<std::string>{"a", "c", "b", "e"});
  CHECK(vocabulary.id_or_unknown("d") == embedtool::kUnknownId);
  CHECK(words_of(count_words(kText).build(min_count(3))) == std::vector<std::string>{"a"});
  CHECK(count_words(kText).build(min_count(4)).input_dim() == 2);
  CHECK(count_words(kText).build(min_count(0)).word_count() == 5);
}

TEST_CASE("input_dim caps the rows, reserved ids included") {
  const WordCounter counter = count_words(kText);
  CHECK(words_of(counter.build(input_dim(4))) == std::vector<std::string>{"a", "c"});
  CHECK(counter.build(input_dim(4)).input_dim() == 4);
  CHECK(words_of(counter.build(input_dim(3))) == std::vector<std::string>{"a"});
  CHECK(counter.build(input_dim(100)).input_dim() == 7);

  VocabularyOptions both = min_count(2);
  both.input_dim = 5;
  CHECK(words_of(counter.build(both)) == std::vector<std::string>{"a", "c", "b"});
}

TEST_CASE("an input_dim below 3 is a usage error") {
  const WordCounter counter = count_words(kText);
  CHECK_THROWS_WITH_AS(counter.build(input_dim(2)),
                       "input_dim must be at least 3 (ids 0 and 1 are reserved, so 2 leaves no "
                       "room for a word)",
                       embedtool::UsageError);
  CHECK_THROWS_AS(counter.build(input_dim(0)), embedtool::UsageError);
}

namespace {

// A stream with a long tail: word w% appears about 1/(w+1) as often as the first, and many
// appear once, long words among them (past the string's inline buffer).
std::vector<std::string> long_tail_tokens() {
  std::vector<std::string> tokens;
  std::uint64_t state = 12345;
  for (int i = 0; i < 300000; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::uint64_t draw = (state >> 33) % 100000;
    const std::uint64_t word = 100000 / (draw + 1) + (draw % 7 == 0 ? draw * 31 : 0);
    tokens.push_back((word % 5 == 0 ? "a-rather-long-word-" : "w") + std::to_string(word));
  }
  return tokens;
}

void check_same_vocabulary(const Vocabulary& a, const Vocabulary& b) {
  REQUIRE(a.input_dim() == b.input_dim());
  for (embedtool::WordId id = 0; id < static_cast<embedtool::WordId>(a.input_dim()); ++id) {
    CHECK(a.word(id) == b.word(id));
    CHECK(a.count(id) == b.count(id));
  }
}

}  // namespace

TEST_CASE("a count over its memory limit spills to disk and comes out exactly the same") {
  const std::vector<std::string> tokens = long_tail_tokens();
  WordCounter unlimited;
  WordCounter limited;
  limited.limit_memory(200 * WordCounter::entry_bytes(4));  // a table of about 200 words
  for (const std::string& token : tokens) {
    unlimited.add(token);
    limited.add(token);
  }
  CHECK(limited.spilled_runs() > 10);
  CHECK(unlimited.spilled_runs() == 0);
  for (const VocabularyOptions options :
       {VocabularyOptions{}, VocabularyOptions{3, std::nullopt}, VocabularyOptions{1, 500}}) {
    check_same_vocabulary(limited.build(options), unlimited.build(options));
    CHECK(limited.distinct_words() == unlimited.distinct_words());
  }
  CHECK(limited.tokens_seen() == unlimited.tokens_seen());
}

TEST_CASE("runs are merged in levels: a tiny limit spills thousands of runs with few files open") {
  // A table of about 4 words spills every few tokens: on a real corpus, far more runs than a
  // process may keep open (1,024 files by default). Kept open one file a run, `--max-memory 1kB`
  // on en-norm.txt ended in "Too many open files".
  std::vector<std::string> tokens = long_tail_tokens();
  tokens.resize(60000);  // each run is a temporary file: enough for several levels, quickly
  WordCounter unlimited;
  WordCounter tiny;
  tiny.limit_memory(4 * WordCounter::entry_bytes(4));
  std::size_t most_open = 0;
  for (const std::string& token : tokens) {
    unlimited.add(token);
    tiny.add(token);
    most_open = std::max(most_open, tiny.open_run_files());
  }
  MESSAGE(tiny.spilled_runs(), " runs, at most ", most_open, " files open");
  // Level L holds runs of 16^L written runs: at most 15 of them at any time.
  std::size_t levels = 1;
  for (std::uint64_t full = embedtool::CountRuns::kFanIn; full <= tiny.spilled_runs();
       full *= embedtool::CountRuns::kFanIn)
    ++levels;
  CHECK(levels >= 3);  // merged runs were merged again
  CHECK(most_open <= levels * (embedtool::CountRuns::kFanIn - 1));
  CHECK(tiny.open_run_files() < tiny.spilled_runs());
  check_same_vocabulary(tiny.build(VocabularyOptions{}), unlimited.build(VocabularyOptions{}));
  CHECK(tiny.distinct_words() == unlimited.distinct_words());
}
