#pragma once
// A training corpus read from a text file, one sentence per line, tokenized and mapped to ids as
// it streams: only one line is in memory at a time, so the corpus may be larger than memory.
#include <memory>
#include <string>

#include "embedtool/pipeline/input_file.h"
#include "embedtool/text/line_reader.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class TextFileCorpus : public SentenceSource {
 public:
  // `path` must be a regular file (it is read once per epoch); the tokenizer and vocabulary must
  // outlive the corpus.
  TextFileCorpus(std::string path, const Tokenizer& tokenizer, const Vocabulary& vocabulary);
  void rewind() override;
  bool next(Sequence& ids) override;

 private:
  std::string path_;
  const Tokenizer& tokenizer_;
  const Vocabulary& vocabulary_;
  std::unique_ptr<InputFile> input_;
  std::unique_ptr<LineReader> reader_;
  std::string line_;
};

}  // namespace embedtool
