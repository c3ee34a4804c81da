#pragma once
// A training corpus read from a text file, one sentence per line, tokenized and mapped to ids as
// it streams. Split for threads into byte ranges aligned to line starts (text/
// line_range_reader.h); long lines are cut into sentences of at most 10,000 words
// (training/text_range_sentences.h). Only a few pieces of text per thread are in memory at a
// time, so the corpus may be far larger than memory, and so may any one of its lines.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "embedtool/text/tokenizer.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/training/text_range_sentences.h"
#include "embedtool/sequences/text_encoder.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class TextFileCorpus : public Corpus, public SentenceSource {
 public:
  // `path` must be a regular file (it is read once per epoch); the tokenizer must outlive the
  // corpus (the vocabulary's words are copied into the encoder's table for fast lookups).
  // `known_word_count`: the vocabulary words in the file, when the vocabulary was counted from
  // it (saves the trainer a counting pass). `display_name` names the file in messages (default:
  // the path).
  TextFileCorpus(std::string path, const Tokenizer& tokenizer, const Vocabulary& vocabulary,
                 std::optional<std::uint64_t> known_word_count = std::nullopt,
                 std::optional<std::string> display_name = std::nullopt);

  // Corpus: the part of one thread.
  std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const override;
  std::optional<std::uint64_t> known_word_count() const override { return known_word_count_; }

  // SentenceSource: the whole file in order.
  void rewind() override { whole_->rewind(); }
  bool next(Sequence& ids) override { return whole_->next(ids); }
  SourcePosition position() const override { return whole_->position(); }
  void seek(const SourcePosition& position) override { whole_->seek(position); }

 private:
  std::string path_;
  std::string display_name_;
  TextEncoder encoder_;
  std::optional<std::uint64_t> known_word_count_;
  std::uint64_t file_size_;
  std::unique_ptr<SentenceSource> whole_;
};

}  // namespace embedtool
