#pragma once
// A classifier's training file as the trainer's corpus: byte ranges for threads, as for plain
// text (text_file_corpus.h), each read as labelled lines (training/labelled_range_lines.h).
#include <cstdint>
#include <memory>
#include <string>

#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/tokenizer.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/vocabulary/label_set.h"
#include "embedtool/vocabulary/vocabulary.h"

namespace embedtool {

class LabelledTextCorpus : public Corpus {
 public:
  // `path` must be a regular file; the tokenizer and the labels must outlive the corpus.
  LabelledTextCorpus(std::string path, std::string display_name, const Tokenizer& tokenizer,
                     const Vocabulary& vocabulary, const LabelSet& labels,
                     std::string label_prefix);

  std::unique_ptr<SentenceSource> part(std::size_t index, std::size_t parts) const override;

 private:
  std::string path_;
  std::string display_name_;
  TextEncoder encoder_;
  const LabelSet& labels_;
  std::string label_prefix_;
  std::uint64_t file_size_;
};

}  // namespace embedtool
