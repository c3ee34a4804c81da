#pragma once
// A synthetic corpus with known structure for the trainer's tests: two topics of ten words
// each ("a0".."a9", "b0".."b9"), every sentence drawn from one topic. After training, words of
// a topic should sit closer to each other than to the other topic's words.
#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "embedtool/training/random.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool::testing {

struct TwoTopicCorpus {
  static constexpr std::size_t kWordsPerTopic = 10;
  Vocabulary vocabulary;
  std::vector<Sequence> sentences;

  explicit TwoTopicCorpus(std::size_t sentence_count = 300, std::size_t sentence_length = 10) {
    std::vector<std::string> words;
    for (const char topic : {'a', 'b'})
      for (std::size_t i = 0; i < kWordsPerTopic; ++i) words.push_back(topic + std::to_string(i));

    Random random(2024);
    std::vector<std::vector<std::size_t>> drawn;  // indices into `words`
    std::vector<std::uint64_t> counts(words.size(), 0);
    for (std::size_t s = 0; s < sentence_count; ++s) {
      const std::size_t topic = random.next_below(2);
      auto& sentence = drawn.emplace_back();
      for (std::size_t k = 0; k < sentence_length; ++k) {
        sentence.push_back(topic * kWordsPerTopic + random.next_below(kWordsPerTopic));
        ++counts[sentence.back()];
      }
    }

    // Ids by count descending, as a real vocabulary orders them.
    std::vector<std::size_t> order(words.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return counts[x] > counts[y]; });
    std::vector<WordId> id_of_index(words.size());
    for (const std::size_t index : order)
      id_of_index[index] = vocabulary.add(words[index], counts[index]);

    for (const auto& sentence : drawn) {
      Sequence& ids = sentences.emplace_back();
      for (const std::size_t index : sentence) ids.push_back(id_of_index[index]);
    }
  }

  InMemoryCorpus corpus() const { return InMemoryCorpus(sentences); }
  WordId id(const std::string& word) const { return *vocabulary.id_of(word); }
};

}  // namespace embedtool::testing
