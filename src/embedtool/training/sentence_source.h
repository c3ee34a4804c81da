#pragma once
// Where the trainer gets its corpus: sentences of word ids, replayed once per epoch, split into
// parts so that each thread streams its own. Sources stream, so the corpus never has to fit in
// memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "embedtool/sequences/padding.h"

namespace embedtool {

class SentenceSource {
 public:
  virtual ~SentenceSource() = default;
  // Starts again from the first sentence (called before each epoch).
  virtual void rewind() = 0;
  // Reads the next sentence into `ids`. Returns false at the end of the corpus.
  virtual bool next(Sequence& ids) = 0;
};

class Corpus {
 public:
  virtual ~Corpus() = default;
  // Part `index` of `parts`: the parts are of about equal size, and together they hold every
  // sentence of the corpus exactly once. Each training thread reads one; parts are independent
  // and may be read at the same time.
  virtual std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const = 0;
  // The number of vocabulary words (ids >= kFirstWordId) in one pass, when it is known without
  // reading the corpus (its vocabulary was counted from it). The trainer counts them otherwise.
  virtual std::optional<std::uint64_t> known_word_count() const { return std::nullopt; }
};

// A run of sentences held in memory elsewhere.
class SentenceSpanSource : public SentenceSource {
 public:
  explicit SentenceSpanSource(std::span<const Sequence> sentences) : sentences_(sentences) {}
  void rewind() override { position_ = 0; }
  bool next(Sequence& ids) override {
    if (position_ >= sentences_.size()) return false;
    ids = sentences_[position_++];
    return true;
  }

 private:
  std::span<const Sequence> sentences_;
  std::size_t position_ = 0;
};

// A corpus held in memory (tests, small inputs), split into runs of consecutive sentences.
class InMemoryCorpus : public Corpus {
 public:
  explicit InMemoryCorpus(std::vector<Sequence> sentences) : sentences_(std::move(sentences)) {}
  std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const override {
    const std::size_t n = sentences_.size();
    const std::size_t begin = n * index / parts;
    const std::size_t end = n * (index + 1) / parts;
    return std::make_unique<SentenceSpanSource>(
        std::span<const Sequence>(sentences_).subspan(begin, end - begin));
  }

 private:
  std::vector<Sequence> sentences_;
};

}  // namespace embedtool
