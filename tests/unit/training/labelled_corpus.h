#pragma once
// Labelled lines held in memory as a classifier's corpus (training/sentence_source.h), split
// into runs of lines for threads: for tests of train_classifier.
#include <memory>
#include <span>
#include <vector>

#include "embedtool/training/sentence_source.h"

namespace embedtool::test {

struct LabelledLine {
  Sequence words;
  std::vector<ClassId> labels;
};

// Lines held in memory, with their labels, split into runs for threads.
class LabelledLines : public SentenceSource {
 public:
  explicit LabelledLines(std::span<const LabelledLine> lines) : lines_(lines) {}
  void rewind() override { next_ = 0; }
  bool next(Sequence& ids) override {
    if (next_ >= lines_.size()) return false;
    current_ = next_++;
    ids = lines_[current_].words;
    return true;
  }
  std::span<const ClassId> labels() const override { return lines_[current_].labels; }
  SourcePosition position() const override { return {next_, 0, 0}; }
  void seek(const SourcePosition& position) override { next_ = position.offset; }

 private:
  std::span<const LabelledLine> lines_;
  std::size_t next_ = 0;
  std::size_t current_ = 0;
};

class LabelledCorpus : public Corpus {
 public:
  explicit LabelledCorpus(std::vector<LabelledLine> lines) : lines_(std::move(lines)) {}
  std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const override {
    const std::size_t begin = lines_.size() * index / parts;
    const std::size_t end = lines_.size() * (index + 1) / parts;
    return std::make_unique<LabelledLines>(
        std::span<const LabelledLine>(lines_).subspan(begin, end - begin));
  }

 private:
  std::vector<LabelledLine> lines_;
};

}  // namespace embedtool::test
