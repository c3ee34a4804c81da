#pragma once
// The lines of one byte range of a classifier's training file (fastText's format: labels are
// prefixed tokens anywhere in a line, sequences/labelled_line.h) as the trainer reads them: each
// labelled line is one sentence of word ids, its labels() the classes of its known labels. Lines
// without a known label are skipped (the count before training reported them). A line is one
// example and is never cut, but its text streams through in the reader's pieces, which never
// split a token, so only its ids are held whole.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "embedtool/sequences/text_encoder.h"
#include "embedtool/text/line_range_reader.h"
#include "embedtool/training/sentence_source.h"
#include "embedtool/vocabulary/label_set.h"

namespace embedtool {

class LabelledRangeLines : public SentenceSource {
 public:
  // The encoder and the labels must outlive the source; `display_name` names the file in errors.
  LabelledRangeLines(const std::string& path, std::string display_name, std::uint64_t begin,
                     std::uint64_t end, const TextEncoder& encoder, const LabelSet& labels,
                     std::string label_prefix);

  void rewind() override { reader_.rewind(); }
  bool next(Sequence& ids) override;
  std::span<const ClassId> labels() const override { return line_labels_; }
  // Always between two lines: the offset and number of the next line to read.
  SourcePosition position() const override { return {reader_.offset(), reader_.line(), 0}; }
  void seek(const SourcePosition& position) override;

  std::uint64_t file_size() const { return reader_.file_size(); }

 private:
  LineRangeReader reader_;
  std::string display_name_;
  const TextEncoder& encoder_;
  const LabelSet& label_set_;
  std::string label_prefix_;
  std::vector<ClassId> line_labels_;
  // Scratch reused for every piece.
  std::vector<std::string_view> piece_labels_;
  std::string piece_text_;
};

}  // namespace embedtool
