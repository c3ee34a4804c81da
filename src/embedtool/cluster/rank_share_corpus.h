#pragma once
// One rank's share of a corpus that several ranks train on: the ranks split it as a process's
// threads do, into consecutive parts (byte ranges at line starts for a text file), and this
// rank's threads split its share again, so that rank r's thread i reads part r·T + i of R·T.
#include <cstddef>
#include <memory>
#include <optional>

#include "embedtool/training/sentence_source.h"

namespace embedtool {

class RankShareCorpus : public Corpus {
 public:
  RankShareCorpus(const Corpus& whole, std::size_t rank, std::size_t ranks)
      : whole_(whole), rank_(rank), ranks_(ranks) {}

  std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const override {
    return whole_.part(rank_ * parts + index, ranks_ * parts);
  }
  // The share of an average rank: what the schedule counts in (training/model_sync.h).
  std::optional<std::uint64_t> known_word_count() const override {
    const std::optional<std::uint64_t> whole = whole_.known_word_count();
    if (!whole) return std::nullopt;
    return (*whole + ranks_ - 1) / ranks_;
  }

 private:
  const Corpus& whole_;
  std::size_t rank_;
  std::size_t ranks_;
};

}  // namespace embedtool
