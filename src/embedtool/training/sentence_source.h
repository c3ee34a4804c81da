#pragma once
// Where the trainer gets its corpus: sentences of word ids, replayed once per epoch, split into
// parts so that each thread streams its own. Sources stream, so the corpus never has to fit in
// memory.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "embedtool/errors.h"
#include "embedtool/sequences/padding.h"
#include "embedtool/training/class_id.h"

namespace embedtool {

// Where a source stands between two sentences, as it can seek back to it: what a checkpoint
// saves so that a resumed run reads on from the same sentence without replaying the ones
// before. For a text range: the byte offset where the current line starts (or the next one,
// when no line is half returned), that line's number as the reader counts it, and how many
// sentences of that line (a long line is cut into several) were already returned. For sentences
// held in memory: the index of the next one in `offset`.
struct SourcePosition {
  std::uint64_t offset = 0;
  std::uint64_t line = 0;
  std::uint64_t sentences_into_line = 0;

  bool operator==(const SourcePosition&) const = default;
};

class SentenceSource {
 public:
  virtual ~SentenceSource() = default;
  // Starts again from the first sentence (called before each epoch).
  virtual void rewind() = 0;
  // Reads the next sentence into `ids`. Returns false at the end of the corpus.
  virtual bool next(Sequence& ids) = 0;
  // The labels of the sentence next() returned last, as classes: a classifier's training lines
  // (train --supervised) carry them; plain text has none.
  virtual std::span<const ClassId> labels() const { return {}; }
  // Where the next call to next() would read from (valid between calls to next()).
  virtual SourcePosition position() const = 0;
  // Continues from a position this source (or one of the same part of the same corpus) gave.
  // Throws Error if the position cannot belong to this source.
  virtual void seek(const SourcePosition& position) = 0;
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
  SourcePosition position() const override { return {position_, 0, 0}; }
  void seek(const SourcePosition& position) override {
    if (position.offset > sentences_.size())
      throw Error("cannot seek to sentence " + std::to_string(position.offset) + " of " +
                  std::to_string(sentences_.size()));
    position_ = static_cast<std::size_t>(position.offset);
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
