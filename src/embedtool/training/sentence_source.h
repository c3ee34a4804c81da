#pragma once
// Where the trainer gets its corpus: sentences of word ids, replayed once per epoch. Sources
// stream, so the corpus never has to fit in memory.
#include <cstddef>
#include <cstdint>
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

// A corpus held in memory (tests, small inputs).
class InMemorySentenceSource : public SentenceSource {
 public:
  explicit InMemorySentenceSource(std::vector<Sequence> sentences)
      : sentences_(std::move(sentences)) {}
  void rewind() override { position_ = 0; }
  bool next(Sequence& ids) override {
    if (position_ >= sentences_.size()) return false;
    ids = sentences_[position_++];
    return true;
  }

 private:
  std::vector<Sequence> sentences_;
  std::size_t position_ = 0;
};

}  // namespace embedtool
